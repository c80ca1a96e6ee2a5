using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Model.Tests.Loading;

public sealed class FailureScopeLoadingTests
{
    private const string St1Processing = "processingTime: { dist: lognormal, mean: 50 s, cv: 0.2 }\n";

    private static string WithSt1Failures(params string[] modes) =>
        TestPlants.MinimalWith(St1Processing, St1Processing + "            servers: 3\n            failures:\n" + string.Concat(modes.Select(m => "              - " + m + "\n")));

    private static string WithOvenFailure(string mode) =>
        TestPlants.MinimalWith("kind: oven\n", "kind: oven\n            failures:\n              - " + mode + "\n");

    private static Station StationOf(PlantLoadResult result, string id) => Assert.IsType<Station>(result.Model!.FindElement(new AssetId(id)));

    [Theory]
    [InlineData("station", FailureScope.Station)]
    [InlineData("server", FailureScope.Server)]
    public void Parse_Scope_IsRead(string written, FailureScope expected)
    {
        var result = PlantLoader.Parse(WithSt1Failures("{ name: drive, timeBetween: 40 h, timeToRepair: 20 min, scope: " + written + " }"));

        Assert.Empty(result.Diagnostics);
        var st1 = StationOf(result, "st1");
        Assert.Equal(expected, Assert.Single(st1.Failures).Scope);
        Assert.Equal(expected, st1.FailureScope);
    }

    [Fact]
    public void Parse_NoScope_IsServerForAStationAndStationForAnOven()
    {
        var text = WithSt1Failures("{ timeBetween: 8 h, timeToRepair: 5 min }");
        var result = PlantLoader.Parse(text.Replace("kind: oven\n", "kind: oven\n            failures: [{ timeBetween: 80 h, timeToRepair: 30 min }]\n", StringComparison.Ordinal));

        Assert.Empty(result.Diagnostics);
        var st1 = StationOf(result, "st1");
        var oven = StationOf(result, "oven");
        Assert.Null(st1.Failures[0].Scope);
        Assert.Null(oven.Failures[0].Scope);
        Assert.Equal(FailureScope.Server, st1.FailureScope);
        Assert.Equal(FailureScope.Station, oven.FailureScope);
    }

    [Fact]
    public void Parse_StationScopeOnOven_IsValid()
    {
        var result = PlantLoader.Parse(WithOvenFailure("{ timeBetween: 80 h, timeToRepair: 30 min, scope: station }"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(FailureScope.Station, StationOf(result, "oven").FailureScope);
    }

    [Fact]
    public void Parse_UnknownScope_ReportsLineAndColumnWithTheChoices()
    {
        var text = WithSt1Failures("{ timeBetween: 8 h, timeToRepair: 5 min, scope: conveyor }");

        var result = PlantLoader.Parse(text, "p.yaml");

        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCode.InvalidValue, d.Code);
        Assert.Equal(TestPlants.Position(text, "conveyor"), (d.Location.Line, d.Location.Column));
        Assert.Equal("p.yaml", d.Location.File);
        Assert.Contains("'conveyor' is not a valid scope; use one of server, station", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ServerScopeOnOven_IsAnErrorAtTheField()
    {
        var text = WithOvenFailure("{ timeBetween: 80 h, timeToRepair: 30 min, scope: server }");

        var result = PlantLoader.Parse(text);

        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCode.InvalidOven, d.Code);
        Assert.Equal(TestPlants.Position(text, "scope: server"), (d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void Parse_MixedScopesOnOneStation_ReportsTheStationAtTheSecondMode()
    {
        // The second mode has no scope, so it takes the default (server) and contradicts the first.
        var text = WithSt1Failures("{ name: drive, timeBetween: 40 h, timeToRepair: 20 min, scope: station }", "{ name: sensor, timeBetween: 8 h, timeToRepair: 5 min }");

        var result = PlantLoader.Parse(text);

        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCode.InvalidValue, d.Code);
        Assert.Equal(TestPlants.Position(text, "{ name: sensor"), (d.Location.Line, d.Location.Column));
        Assert.Contains("'st1'", d.Message, StringComparison.Ordinal);
        Assert.Contains("same scope", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExplicitDefaultScopeBesideNone_IsValid()
    {
        var result = PlantLoader.Parse(WithSt1Failures("{ name: a, timeBetween: 40 h, timeToRepair: 20 min, scope: server }", "{ name: b, timeBetween: 8 h, timeToRepair: 5 min }"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(FailureScope.Server, StationOf(result, "st1").FailureScope);
    }
}
