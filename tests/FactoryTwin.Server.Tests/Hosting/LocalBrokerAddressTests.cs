using FactoryTwin.Server.Hosting;
using FactoryTwin.VirtualPlant;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Tests.Hosting;

/// <summary>Clients in the server's process reach the embedded broker also when it listens on every interface.</summary>
public sealed class LocalBrokerAddressTests
{
    [Theory]
    [InlineData("0.0.0.0", "127.0.0.1")]
    [InlineData("::", "::1")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("::1", "::1")]
    [InlineData("192.168.10.5", "192.168.10.5")]
    [InlineData("mqtt.plant.local", "mqtt.plant.local")]
    public void For_ListeningAddress_IsAnAddressToConnectTo(string listen, string expected) =>
        Assert.Equal(expected, LocalBrokerAddress.For(listen));

    [Fact]
    public async Task VirtualPlant_BrokerListeningOnEveryInterface_PublishesToLoopback()
    {
        // As the container image runs it: Telemetry__Host=0.0.0.0 so that gateways outside reach the embedded broker.
        var folder = Directory.CreateTempSubdirectory("factorytwin-broker-address-").FullName;
        try
        {
            var builder = FactoryTwinServer.CreateBuilder(["--Server:DataFolder=" + folder, "--Server:Emulator=true", "--Telemetry:Host=0.0.0.0", "--Telemetry:Port=18830"]);
            await using var app = FactoryTwinServer.Build(builder);

            var plant = app.Services.GetRequiredService<IOptions<VirtualPlantOptions>>().Value;

            Assert.Equal("127.0.0.1", plant.Host);
            Assert.Equal(18830, plant.Port);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
