using System.Globalization;
using FactoryTwin.Historian;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry;
using FactoryTwin.Telemetry.IngestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Usage: IngestHost <plant.yaml> <store path> <broker port> <client id> [file|duckdb]
//   file (the default): the fsync'ed text store FileTelemetryStore at <store path>.
//   duckdb: the DuckDB historian (AddHistorian) with its database file at <store path>.
// Every committed batch is reported on stdout (CommitReportingStore); closing stdin stops the host gracefully.
var plant = PlantLoader.LoadFile(args[0]).Model ?? throw new InvalidOperationException("invalid plant file " + args[0]);
var storePath = Path.GetFullPath(args[1]);
var storeKind = args.Length > 4 ? args[4] : "file";
var builder = Host.CreateApplicationBuilder();
builder.Services.AddSingleton(plant);
switch (storeKind)
{
    case "file":
        builder.Services.AddSingleton<ITelemetryStore>(new CommitReportingStore(new FileTelemetryStore(storePath), Console.Out));
        break;
    case "duckdb":
        // Registered before AddHistorian, whose own ITelemetryStore registration (the bare historian) then stands back.
        builder.Services.AddSingleton<ITelemetryStore>(sp => new CommitReportingStore(sp.GetRequiredService<IHistorian>(), Console.Out));
        builder.AddHistorian(o =>
        {
            o.Provider = HistorianProvider.DuckDb;
            o.DataFolder = Path.GetDirectoryName(storePath)!;
            o.FileName = Path.GetFileName(storePath);
        });
        break;
    default:
        throw new ArgumentException("the store is 'file' or 'duckdb', not " + storeKind, nameof(args));
}

builder.Services.AddHostedService<StopWhenStdinCloses>();
builder.AddTelemetry(o =>
{
    o.Broker = TelemetryBrokerMode.External;
    o.Port = int.Parse(args[2], CultureInfo.InvariantCulture);
    o.ClientId = args[3];
    o.ReconnectMaxDelay = TimeSpan.FromSeconds(1);
});
await builder.Build().RunAsync();
