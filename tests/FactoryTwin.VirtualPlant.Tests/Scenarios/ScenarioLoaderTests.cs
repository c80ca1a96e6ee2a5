using FactoryTwin.VirtualPlant.Scenarios;
using FactoryTwin.VirtualPlant.Tests.TestSupport;

namespace FactoryTwin.VirtualPlant.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    [Fact]
    public void LoadFile_Sample_ReadsEveryDisturbanceInSiUnits()
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "samples", "scenarios", "burner-trip-and-conveyor-stop.yaml"), TestPlants.Automotive);

        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        var d = result.Scenario!.Disturbances;
        Assert.Equal(3, d.Length);
        Assert.Equal(new Disturbance(DisturbanceKind.BurnerTrip, "ecoat-oven-z2-air", 1800, null, 600, 25), d[0]);
        Assert.Equal(new Disturbance(DisturbanceKind.ConveyorStop, "respot-conveyor", 7200, null, 300, 0), d[1]);
        Assert.Equal(21_600, d[2].MeanInterval);
    }

    [Fact]
    public void LoadFile_ColdZoneSample_HoldsTheZoneColdToTheEnd()
    {
        var result = ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "samples", "scenarios", "cold-topcoat-zone.yaml"), TestPlants.Automotive);

        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal([new Disturbance(DisturbanceKind.ColdZone, "topcoat-oven-z3-air", 3600, null, double.PositiveInfinity, 30)], result.Scenario!.Disturbances);
    }

    [Fact]
    public void Parse_ColdZoneWithDuration_EndsThen()
    {
        var yaml = "apiVersion: factorytwin/v1\nkind: Scenario\ndisturbances:\n  - { type: cold-zone, sensor: ecoat-oven-z3-air, at: 10 min, drop: 20 degC, duration: 2 h }\n";

        var result = ScenarioLoader.Parse(yaml, TestPlants.Automotive);

        Assert.Equal([new Disturbance(DisturbanceKind.ColdZone, "ecoat-oven-z3-air", 600, null, 7200, 20)], result.Scenario!.Disturbances);
    }

    [Theory]
    [InlineData("- { type: cold-zone, sensor: topcoat-oven-z3-air, at: 1 h }", "drop", 3)]
    [InlineData("- { type: cold-zone, sensor: basecoat-booth-air, at: 1 h, drop: 30 K }", "'basecoat-booth-air' is not the air sensor of an oven zone", 3)]
    [InlineData("- { type: cold-zone, sensor: topcoat-oven-z3-air, at: 1 h, drop: 30 s }", "drop", 3)]
    [InlineData("- { type: cold-zone, sensor: topcoat-oven-z3-air, at: 1 h, drop: -5 K }", "drop", 3)]
    [InlineData("- { type: burner-trip, sensor: respot-weld-current, at: 1 h }", "'respot-weld-current' is not the air sensor of an oven zone", 3)]
    [InlineData("- { type: conveyor-stop, asset: respot, at: 1 h, duration: 5 min }", "'respot' is not a conveyor or buffer", 3)]
    [InlineData("- { type: meteor, at: 1 h }", "type 'meteor' is not a disturbance", 3)]
    [InlineData("- { type: conveyor-stop, asset: respot-conveyor, duration: 5 min }", "give either 'at'", 3)]
    [InlineData("- { type: conveyor-stop, asset: respot-conveyor, at: 1 h, meanInterval: 2 h, duration: 5 min }", "not both or neither", 3)]
    [InlineData("- { type: conveyor-stop, asset: respot-conveyor, at: 1 h }", "duration", 3)]
    [InlineData("- { type: conveyor-stop, asset: respot-conveyor, at: 60, duration: 5 min }", "'60' has no unit", 3)]
    [InlineData("- { type: burner-trip, sensor: ecoat-oven-z1-air, at: 1 h, colour: red }", "no field 'colour'", 3)]
    public void Parse_BadDisturbance_ReportsWhatAndWhere(string item, string message, int line)
    {
        var yaml = $"apiVersion: factorytwin/v1\nkind: Scenario\ndisturbances:\n  {item}\n";

        var result = ScenarioLoader.Parse(yaml, TestPlants.Automotive, "bad.yaml");

        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal("bad.yaml", error.Location.File);
        Assert.True(error.Location.Line >= line, error.ToString());
    }

    [Fact]
    public void Parse_WrongKindAndVersion_NamesBoth()
    {
        var result = ScenarioLoader.Parse("apiVersion: factorytwin/v9\nkind: ThermalCase\ndisturbances: []\n", TestPlants.Automotive);

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("apiVersion 'factorytwin/v9'", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("kind 'ThermalCase' is not a scenario", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NotYaml_ReportsInsteadOfThrowing()
    {
        var result = ScenarioLoader.Parse("disturbances: [ {", TestPlants.Automotive);

        Assert.False(result.Success);
        Assert.NotEmpty(result.Diagnostics);
    }
}
