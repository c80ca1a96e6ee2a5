using System.Text.Json;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.TestSupport;

namespace FactoryTwin.Server.Tests.Api;

/// <summary>One unit system at the API: a sensor's unit and range are those of the values the API serves.</summary>
public sealed class SensorUnitsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ecoat-oven", "ecoat-oven-z1-air", "temperature", "K", "degC", 273.15, 573.15)]
    [InlineData("basecoat", "basecoat-booth-humidity", "humidity", "1", "%", 0, 1)]
    [InlineData("pretreatment", "pretreatment-spray-pressure", "pressure", "Pa", "bar", 0, 600_000)]
    public async Task Asset_Sensors_UnitAndRangeMatchTheServedValuesWithTheDisplayUnitBeside(
        string asset, string sensor, string quantity, string unit, string displayUnit, double min, double max)
    {
        using var client = server.Host.Client(Role.Viewer);
        using var doc = JsonDocument.Parse(await client.GetStringAsync("api/v1/assets/" + asset, Ct));

        var s = doc.RootElement.GetProperty("sensors").EnumerateArray().Single(x => x.GetProperty("id").GetString() == sensor);
        Assert.Equal(quantity, s.GetProperty("quantity").GetString());
        Assert.Equal(unit, s.GetProperty("unit").GetString());
        Assert.Equal(displayUnit, s.GetProperty("displayUnit").GetString());
        Assert.Equal(min, s.GetProperty("min").GetDouble(), 6);
        Assert.Equal(max, s.GetProperty("max").GetDouble(), 6);
    }
}
