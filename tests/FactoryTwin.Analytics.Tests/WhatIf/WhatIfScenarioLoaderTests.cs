using FactoryTwin.Analytics.WhatIf;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.Tests.WhatIf;

public sealed class WhatIfScenarioLoaderTests
{
    private const string Header = "apiVersion: factorytwin/v1\nkind: WhatIf\nname: test\nchanges:\n";

    [Fact]
    public void Parse_EveryKindOfChange_AppliesToThePlant()
    {
        const string yaml = Header + """
              - buffer: closures-buffer
                capacity: 10
              - station: respot
                servers: 3
                processingTime: { dist: lognormal, mean: 95 s, cv: 0.1 }
              - station: underbody
                failure: weld gun fault
                mtbf: 8 h
                mttr: 6 min
              - conveyor: respot-conveyor
                speed: 14 m/min
              - oven: ecoat-oven
                conveyorSpeed: 7 m/min
                setpoints: { z1: 200 degC }
              - source: body-release
                interArrival: 55 s
              - productMix: { sedan: 0.5, suv: 0.5 }
              - shift: early
                calendar: two-shift
                end: "14:30"
                breaks:
                  - { name: lunch, start: "11:30", duration: 20 min }
            """;

        var result = WhatIfScenarioLoader.Parse(yaml, TestPlants.Automotive);

        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        var plant = result.Scenario!.Apply(TestPlants.Automotive);
        Assert.Equal(10, ((Model.Plants.Buffer)plant.FindElement(new AssetId("closures-buffer"))!).Capacity);
        var respot = (Station)plant.FindElement(new AssetId("respot"))!;
        Assert.Equal(3, respot.Servers);
        Assert.Equal(95, respot.ProcessingTime!.Mean, 9);
        var underbody = (Station)plant.FindElement(new AssetId("underbody"))!;
        Assert.Equal(8 * 3600, underbody.Failures[0].TimeBetweenFailures.Mean, 6);
        Assert.Equal(360, underbody.Failures[0].TimeToRepair.Mean, 6);
        Assert.Equal(0.8, ((Model.Distributions.LogNormalDistribution)underbody.Failures[0].TimeToRepair).Cv, 12); // shape kept
        Assert.Equal(14.0 / 60, ((Conveyor)plant.FindElement(new AssetId("respot-conveyor"))!).Speed, 9);
        var oven = ((Station)plant.FindElement(new AssetId("ecoat-oven"))!).Oven!;
        Assert.Equal(7.0 / 60, oven.ConveyorSpeed, 9);
        Assert.Equal(473.15, oven.Zones[0].Setpoint, 6);
        Assert.Equal(55, ((Source)plant.FindElement(new AssetId("body-release"))!).InterArrival.Mean, 9);
        Assert.All(plant.Variants, v => Assert.Equal(0.5, v.Mix, 12));
        var early = plant.Calendars[0].Shifts.Single(s => s.Id.Value == "early");
        Assert.Equal(new TimeOnly(14, 30), early.End);
        Assert.Equal(1200, Assert.Single(early.Breaks).Duration, 9);
    }

    [Fact]
    public void Parse_NoChanges_IsAnEmptyScenarioThatLeavesThePlantAsItIs()
    {
        var result = WhatIfScenarioLoader.Parse("apiVersion: factorytwin/v1\nkind: WhatIf\nchanges: []\n", TestPlants.TwoStations, "same.yaml");

        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal("same", result.Scenario!.Name);
        Assert.Same(TestPlants.TwoStations, result.Scenario.Apply(TestPlants.TwoStations));
    }

    [Theory]
    [InlineData("  - buffer: closures-bufer\n    capacity: 10\n", 5, 13, "'closures-bufer' is not a buffer of the plant. Did you mean 'closures-buffer'?")]
    [InlineData("  - buffer: closures-buffer\n    capacity: 0\n", 6, 15, "capacity")]
    [InlineData("  - buffer: closures-buffer\n    station: respot\n    capacity: 3\n", 5, 5, "exactly one thing to change")]
    [InlineData("  - buffer: closures-buffer\n    capacty: 3\n", 6, 5, "has no field 'capacty'")]
    [InlineData("  - station: respot\n", 5, 5, "say what changes at the station")]
    [InlineData("  - station: underbody\n    failure: gun fault\n    mtbf: 3 h\n", 6, 14, "has no failure mode 'gun fault'; it has 'weld gun fault'")]
    [InlineData("  - station: ecoat-oven\n    processingTime: 5 min\n", 6, 5, "is an oven")]
    [InlineData("  - productMix: { sedan: 0.7 }\n", 5, 5, "sum to 1.1")]
    [InlineData("  - productMix: { sedna: 0.7 }\n", 5, 19, "has no field 'sedna'")]
    [InlineData("  - oven: ecoat-oven\n    setpoints: { z9: 200 degC }\n", 6, 18, "has no field 'z9'")]
    [InlineData("  - oven: respot\n    conveyorSpeed: 7 m/min\n", 5, 11, "'respot' is not an oven of the plant")]
    [InlineData("  - shift: early\n    calendar: two-shift\n    start: 6am\n", 7, 12, "is not a time of day")]
    [InlineData("  - shift: early\n    calendar: two-shift\n    end: \"10:00\"\n", 7, 5, "the break 'lunch' at 11:30 does not lie within the shift (06:00–10:00)")]
    [InlineData("  - shift: night\n    calendar: two-shift\n    end: \"10:00\"\n", 5, 12, "has no shift 'night'")]
    [InlineData("  - source: body-release\n    interArrival: { dist: normal, mean: 50 s }\n", 6, 19, "sd")]
    [InlineData("  - conveyor: respot-conveyor\n    speed: 14 kg\n", 6, 12, "speed")]
    public void Parse_BadChange_ReportsFileLineAndColumn(string changes, int line, int column, string message)
    {
        var result = WhatIfScenarioLoader.Parse(Header + changes, TestPlants.Automotive, "bad.yaml");

        Assert.False(result.Success);
        var d = result.Diagnostics.FirstOrDefault(x => x.Message.Contains(message, StringComparison.Ordinal));
        Assert.True(d is not null, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(("bad.yaml", line, column), (d.Location.File, d.Location.Line, d.Location.Column));
    }

    [Theory]
    [InlineData("apiVersion: factorytwin/v1\nkind: Scenario\nchanges: []\n", "kind 'Scenario' is not a what-if scenario")]
    [InlineData("apiVersion: factorytwin/v2\nkind: WhatIf\nchanges: []\n", "apiVersion 'factorytwin/v2' is not supported")]
    [InlineData("apiVersion: factorytwin/v1\nkind: WhatIf\n", "missing required field 'changes'")]
    [InlineData("apiVersion: factorytwin/v1\nkind: WhatIf\nchanges: [\n", "")]
    [InlineData("", "")]
    public void Parse_BadFile_FailsWithADiagnostic(string yaml, string message)
    {
        var result = WhatIfScenarioLoader.Parse(yaml, TestPlants.TwoStations);

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void LoadFile_Missing_ReportsTheFile()
    {
        var result = WhatIfScenarioLoader.LoadFile("/no/such/whatif.yaml", TestPlants.TwoStations);

        Assert.False(result.Success);
        Assert.Equal("/no/such/whatif.yaml", result.Diagnostics[0].Location.File);
    }
}
