using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Distributions;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Model.Tests.Loading;

public class PlantLoaderTests
{
    [Theory]
    [InlineData("automotive.yaml")]
    [InlineData("two-stations.yaml")]
    public void LoadFile_Sample_IsValid(string name)
    {
        var result = PlantLoader.LoadFile(TestPlants.SamplePath(name));

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Success);
    }

    [Fact]
    public void Parse_Minimal_IsValid() => Assert.Empty(PlantLoader.Parse(TestPlants.Minimal).Diagnostics);

    [Fact]
    public void LoadFile_Automotive_HasTheDescribedPlant()
    {
        var model = PlantLoader.LoadFile(TestPlants.SamplePath("automotive.yaml")).Model!;

        Assert.Equal(3, model.Areas.Count);
        Assert.Equal(2, model.Variants.Count);
        Assert.Equal(8, model.Colours.Count);
        var ovens = model.Lines().SelectMany(l => l.Stations).Where(s => s.Kind == StationKind.Oven).ToList();
        Assert.Equal(2, ovens.Count);
        Assert.All(ovens, o => Assert.InRange(o.Oven!.Zones.Count, 4, 6));
        var ecoat = ovens.Single(o => o.Id == new AssetId("ecoat-oven")).Oven!;
        Assert.All(ecoat.Zones.Take(4), z => Assert.InRange(z.Setpoint - 273.15, 170, 200.0001));
        var topcoat = ovens.Single(o => o.Id == new AssetId("topcoat-oven")).Oven!;
        Assert.All(topcoat.Zones.Take(4), z => Assert.InRange(z.Setpoint - 273.15, 130, 160.0001));
        var thicknesses = model.BodyStyles.SelectMany(b => b.Points).Select(p => p.Thickness).ToList();
        Assert.Equal(0.0007, thicknesses.Min(), 12);
        Assert.InRange(thicknesses.Max(), 0.002, 0.003);
        var inspection = model.FindElement(new AssetId("inspection")) as Station;
        Assert.Equal(0.08, inspection!.Rework!.Probability);
    }

    [Fact]
    public void Parse_Units_AreStoredInSi()
    {
        var model = PlantLoader.Parse(TestPlants.Minimal).Model!;
        var oven = (Station)model.FindElement(new AssetId("oven"))!;
        var zone = oven.Oven!.Zones[0];

        Assert.Equal(150 + 273.15, zone.Setpoint, 9);
        Assert.Equal(5.0 / 60, oven.Oven.ConveyorSpeed, 12);
        Assert.Equal(240, oven.Oven.TransitTime, 9);
        Assert.Equal(4, oven.Oven.Capacity);
        Assert.Equal(0.0007, model.BodyStyles[0].Points[0].Thickness, 12);
        Assert.Equal(80_000, model.PaintSystems[0].Cure.ActivationEnergy, 9);
        Assert.Equal(300, ((Station)model.FindElement(new AssetId("repair"))!).ProcessingTime!.Mean, 9);
        var alarm = Assert.IsType<ThresholdAlarm>(model.Alarms[0]);
        Assert.Equal(180 + 273.15, alarm.High!.Value, 9);
        Assert.Equal(2, alarm.Deadband, 12);
        Assert.Equal(15 * 60, model.Calendars[0].Shifts[0].Breaks[0].Duration);
    }

    [Fact]
    public void Parse_YamlSyntaxError_ReportsLineAndColumn()
    {
        var text = TestPlants.MinimalWith("  - { id: buf, capacity: 5, next: oven }", "  - { id: buf, capacity: 5, next: oven");

        var d = Assert.Single(PlantLoader.Parse(text, "p.yaml").Diagnostics);

        Assert.Equal(DiagnosticCode.YamlSyntax, d.Code);
        Assert.Equal("p.yaml", d.Location.File);

        Assert.Equal(TestPlants.Position(text, "{ id: buf").Line, d.Location.Line);
    }

    [Fact]
    public void Parse_UnknownField_ReportsKeyWithSuggestion()
    {
        var text = TestPlants.MinimalWith("processingTime: 40 s", "procesingTime: 40 s");

        var d = Single(text, DiagnosticCode.UnknownField);

        AssertAt(text, d, "procesingTime");
        Assert.Contains("Did you mean 'processingTime'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingRequiredField_ReportsTheMapping()
    {
        var text = TestPlants.MinimalWith("  - id: st1\n            kind: manual\n", "  - id: st1\n");

        var d = Single(text, DiagnosticCode.MissingField);

        AssertAt(text, d, "id: st1");
        Assert.Contains("'kind'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateId_ReportsSecondDeclaration()
    {
        var text = TestPlants.MinimalWith("- id: repair\n", "- id: st1\n");

        var d = Single(text, DiagnosticCode.DuplicateId);

        AssertAt(text, d, "st1", occurrence: 3);
        Assert.Contains("line " + TestPlants.Position(text, "id: st1").Line, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownReference_ReportsReferenceWithSuggestion()
    {
        var text = TestPlants.MinimalWith("capacity: 5, next: oven", "capacity: 5, next: ovn");

        var d = Single(text, DiagnosticCode.UnknownReference);

        AssertAt(text, d, "ovn");
        Assert.Contains("Did you mean 'oven'?", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("capacity: 5,", "capacity: 0,", "0,")]
    [InlineData("capacity: 5,", "capacity: -3,", "-3")]
    [InlineData("pitch: 5 m", "pitch: 0 m", "0 m\n")]
    public void Parse_NonPositiveValue_ReportsValue(string find, string replace, string marker)
    {
        var text = TestPlants.MinimalWith(find, replace);

        var d = Single(text, DiagnosticCode.OutOfRange);

        AssertAt(text, d, marker);
    }

    [Fact]
    public void Parse_TriangularModeOutsideRange_ReportsInvalidDistribution()
    {
        var text = TestPlants.MinimalWith("{ dist: lognormal, mean: 50 s, cv: 0.2 }", "{ dist: triangular, min: 60 s, mode: 50 s, max: 70 s }");

        var d = Single(text, DiagnosticCode.InvalidDistribution);

        AssertAt(text, d, "mode");
    }

    [Fact]
    public void Parse_MisspeltDistribution_ReportsNameWithSuggestion()
    {
        var text = TestPlants.MinimalWith("dist: lognormal", "dist: lognormol");

        var d = Single(text, DiagnosticCode.InvalidDistribution);

        AssertAt(text, d, "lognormol");
        Assert.Contains("Did you mean 'lognormal'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnitOfWrongDimension_ReportsValue()
    {
        var text = TestPlants.MinimalWith("interArrival: 60 s", "interArrival: 60 m");

        var d = Single(text, DiagnosticCode.InvalidUnit);

        AssertAt(text, d, "60 m\n");
        Assert.Contains("length", d.Message, StringComparison.Ordinal);
        Assert.Contains("duration", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QuantityWithoutUnit_ReportsValue()
    {
        var text = TestPlants.MinimalWith("setpoint: 150 degC", "setpoint: 150");

        var d = Single(text, DiagnosticCode.InvalidUnit);

        AssertAt(text, d, "150,");
    }

    [Fact]
    public void Parse_UnreachableStation_ReportsItsId()
    {
        var text = TestPlants.MinimalWith("        buffers:", "          - id: orphan\n            kind: manual\n            processingTime: 1 min\n            next: done\n        buffers:");

        var d = Single(text, DiagnosticCode.Unreachable);

        AssertAt(text, d, "orphan");
    }

    [Fact]
    public void Parse_CycleWithoutRework_ReportsClosingRoute()
    {
        var text = TestPlants.MinimalWith("next: done\n", "next: buf\n");

        var d = Single(text, DiagnosticCode.RoutingCycle);

        AssertAt(text, d, "buf\n", occurrence: 2);
        Assert.Contains("buf → oven → insp → buf", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReworkLoop_IsNotACycleError()
    {
        var result = PlantLoader.Parse(TestPlants.Minimal);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCode.RoutingCycle);
    }

    [Fact]
    public void Parse_OvenZoneWithoutSensor_ReportsZone()
    {
        var text = TestPlants.MinimalWith(", sensor: z1-air }", " }");

        var d = Single(text, DiagnosticCode.InvalidOven);

        AssertAt(text, d, "{ id: z1");
        Assert.Contains("no sensor", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OvenZoneWithoutSetpoint_ReportsZone()
    {
        var text = TestPlants.MinimalWith("setpoint: 150 degC, ", string.Empty);

        var d = Single(text, DiagnosticCode.InvalidOven);

        AssertAt(text, d, "{ id: z1");
        Assert.Contains("no setpoint", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OvenWithoutOvenSection_ReportsStation()
    {
        var text = TestPlants.MinimalWith("kind: manual\n            processingTime: 5 min", "kind: oven");

        var d = Single(text, DiagnosticCode.InvalidOven);

        AssertAt(text, d, "id: repair");
    }

    [Theory]
    [InlineData("probability: 0.1", "probability: 1.5", "1.5")]
    [InlineData("probability: 0.1", "probability: -0.1", "-0.1")]
    [InlineData("probability: 0.1", "probability: 120 %", "120 %")]
    public void Parse_ProbabilityOutsideUnitInterval_ReportsValue(string find, string replace, string marker)
    {
        var text = TestPlants.MinimalWith(find, replace);

        var d = Single(text, DiagnosticCode.InvalidProbability);

        AssertAt(text, d, marker);
    }

    [Fact]
    public void Parse_VariantMixNotSummingToOne_ReportsVariantsField()
    {
        var text = TestPlants.MinimalWith("{ id: a, bodyStyle: body, mix: 0.5 }", "{ id: a, bodyStyle: body, mix: 0.6 }");

        var d = Single(text, DiagnosticCode.MixSum);

        AssertAt(text, d, "variants:");
        Assert.Contains("1.1", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnsupportedApiVersion_ReportsValue()
    {
        var text = TestPlants.MinimalWith("factorytwin/v1", "factorytwin/v9");

        var d = Single(text, DiagnosticCode.UnsupportedVersion);

        AssertAt(text, d, "factorytwin/v9");
    }

    [Fact]
    public void Parse_ManyProblems_ReportsAllSortedByLine()
    {
        var text = TestPlants.MinimalWith("capacity: 5, next: oven", "capacity: 0, next: ovn")
            .Replace("interArrival: 60 s", "interArrival: 60 K", StringComparison.Ordinal);

        var result = PlantLoader.Parse(text);

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.InvalidUnit);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.OutOfRange);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.UnknownReference);
        var lines = result.Diagnostics.Select(d => d.Location.Line).ToList();
        Assert.Equal(lines.Order(), lines);
    }

    [Fact]
    public void Parse_SplitByVariantMissingAVariant_ReportsNext()
    {
        var text = TestPlants.MinimalWith("next: buf\n", "next:\n              - { to: buf, variants: [a] }\n");

        var d = Single(text, DiagnosticCode.InvalidValue);

        Assert.Contains("variant 'b'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FractionsNotSummingToOne_ReportsNext()
    {
        var text = TestPlants.MinimalWith("next: buf\n", "next:\n              - { to: buf, fraction: 0.5 }\n              - { to: oven, fraction: 0.4 }\n");

        var d = Single(text, DiagnosticCode.MixSum);

        AssertAt(text, d, "next:\n              - { to: buf, fraction");
    }

    [Fact]
    public void Parse_Distributions_AllKindsRead()
    {
        string[] kinds =
        [
            "42 s",
            "{ dist: constant, value: 42 s }",
            "{ dist: uniform, min: 30 s, max: 54 s }",
            "{ dist: triangular, min: 30 s, mode: 40 s, max: 56 s }",
            "{ dist: normal, mean: 42 s, sd: 3 s }",
            "{ dist: lognormal, mean: 42 s, cv: 0.3 }",
            "{ dist: exponential, mean: 42 s }",
            "{ dist: empirical, samples: [40 s, 42 s, 44 s] }",
        ];
        foreach (var kind in kinds)
        {
            var text = TestPlants.MinimalWith("processingTime: 40 s", "processingTime: " + kind);

            var result = PlantLoader.Parse(text);

            Assert.True(result.Success, kind + ": " + string.Join("; ", result.Diagnostics));
            var mean = ((Station)result.Model!.FindElement(new AssetId("insp"))!).ProcessingTime!.Mean;
            Assert.Equal(42, mean, 1e-3);
        }
    }

    [Fact]
    public void Parse_NormalDistribution_MeanIsTheTruncatedMean()
    {
        var d = new NormalDistribution(0, 1);

        // E[X | X > 0] for a standard normal is sqrt(2/pi).
        Assert.Equal(Math.Sqrt(2 / Math.PI), d.Mean, 6);
    }

    [Fact]
    public void LoadFile_MissingFile_ReportsFileError()
    {
        var result = PlantLoader.LoadFile("/nonexistent/plant.yaml");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCode.FileError, d.Code);
    }

    [Theory]
    [InlineData("a: [1, 2")]
    [InlineData("a: \"unterminated")]
    [InlineData("a:\n\t- b")]
    [InlineData("a: b\na: c")]
    [InlineData("%%%")]
    public void Parse_MalformedYaml_ReportsSyntaxErrorWithoutThrowing(string text)
    {
        var result = PlantLoader.Parse(text);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCode.YamlSyntax, d.Code);
        Assert.InRange(d.Location.Line, 1, 2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("- a\n- b\n")]
    [InlineData("just text")]
    public void Parse_NotAMapping_ReportsOneError(string text)
    {
        var result = PlantLoader.Parse(text);

        Assert.False(result.Success);
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void Parse_ReworkToUnknownStation_ReportsOnlyTheReference()
    {
        var text = TestPlants.MinimalWith("to: repair }", "to: repiar }");

        var result = PlantLoader.Parse(text);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCode.UnknownReference, d.Code);
    }

    [Theory]
    [InlineData("days: [mon-fri]", "days: []")]
    [InlineData("days: [mon-fri]", "days: ~")]
    [InlineData("lines: [line1]", "lines: []")]
    [InlineData("        sinks:\n          - { id: done }", "        sinks: ~")]
    public void Parse_EmptyRequiredList_IsAnError(string find, string replace)
    {
        var result = PlantLoader.Parse(TestPlants.MinimalWith(find, replace));

        Assert.False(result.Success);
        Assert.NotEmpty(result.Diagnostics);
    }

    [Fact]
    public void Parse_ServersOnOven_IsAnError()
    {
        var text = TestPlants.MinimalWith("kind: oven\n", "kind: oven\n            servers: 3\n");

        var d = Single(text, DiagnosticCode.InvalidOven);

        AssertAt(text, d, "servers: 3");
    }

    [Fact]
    public void Parse_NullName_IsAnError()
    {
        var result = PlantLoader.Parse(TestPlants.MinimalWith("name: Test", "name: null"));

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.InvalidValue && d.Message.Contains("'name'", StringComparison.Ordinal));
    }

    private static Diagnostic Single(string text, DiagnosticCode code)
    {
        var result = PlantLoader.Parse(text, "p.yaml");
        Assert.False(result.Success);
        var matching = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got: {string.Join(" | ", result.Diagnostics)}");
        return matching[0];
    }

    private static void AssertAt(string text, Diagnostic d, string marker, int occurrence = 1)
    {
        var (line, column) = TestPlants.Position(text, marker, 0, occurrence);
        Assert.Equal((line, column), (d.Location.Line, d.Location.Column));
    }
}
