using System.Globalization;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry;
using FactoryTwin.Telemetry.IngestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Usage: IngestHost <plant.yaml> <store file> <broker port> <client id>
var plant = PlantLoader.LoadFile(args[0]).Model ?? throw new InvalidOperationException("invalid plant file " + args[0]);
var builder = Host.CreateApplicationBuilder();
builder.Services.AddSingleton(plant);
builder.Services.AddSingleton<ITelemetryStore>(new FileTelemetryStore(args[1]));
builder.Services.AddTelemetry(o =>
{
    o.Broker = TelemetryBrokerMode.External;
    o.Port = int.Parse(args[2], CultureInfo.InvariantCulture);
    o.ClientId = args[3];
    o.ReconnectMaxDelay = TimeSpan.FromSeconds(1);
});
await builder.Build().RunAsync();
