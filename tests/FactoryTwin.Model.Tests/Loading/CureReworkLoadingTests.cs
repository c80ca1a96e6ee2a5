using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Model.Tests.Loading;

public sealed class CureReworkLoadingTests
{
    private static string WithCureRework(string target) =>
        TestPlants.MinimalWith("paintSystem: paint\n", "paintSystem: paint\n              cureRework: " + target + "\n");

    [Fact]
    public void Parse_OvenWithCureRework_ReadsTheTargetAndAllowsTheLoopThroughIt()
    {
        // oven → (cure rework) buf → oven is a loop, but through a declared rework route.
        var result = PlantLoader.Parse(WithCureRework("buf"));

        Assert.Empty(result.Diagnostics);
        var oven = Assert.IsType<Station>(result.Model!.FindElement(new AssetId("oven"))).Oven!;
        Assert.Equal(new AssetId("buf"), oven.CureRework);
    }

    [Fact]
    public void Parse_OvenWithoutCureRework_HasNone()
    {
        var oven = Assert.IsType<Station>(PlantLoader.Parse(TestPlants.Minimal).Model!.FindElement(new AssetId("oven"))).Oven!;

        Assert.Null(oven.CureRework);
    }

    [Fact]
    public void Parse_CureReworkToUnknownAsset_ReportsTheReferenceWithSuggestion()
    {
        var text = WithCureRework("reapir");

        var d = Assert.Single(PlantLoader.Parse(text).Diagnostics, x => x.Code == DiagnosticCode.UnknownReference);

        Assert.Equal(TestPlants.Position(text, "reapir"), (d.Location.Line, d.Location.Column));
        Assert.Contains("Did you mean 'repair'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CureReworkAndStationRework_IsAnInvalidOvenAtTheReworkKey()
    {
        var text = WithCureRework("repair").Replace(
            "            next: insp\n          - id: insp",
            "            rework: { probability: 0.1, to: repair }\n            next: insp\n          - id: insp",
            StringComparison.Ordinal);

        var result = PlantLoader.Parse(text);

        Assert.Null(result.Model);
        var d = Assert.Single(result.Diagnostics, x => x.Code == DiagnosticCode.InvalidOven);
        Assert.Equal(TestPlants.Position(text, "rework: { probability: 0.1, to: repair }\n            next: insp"), (d.Location.Line, d.Location.Column));
        Assert.Contains("cureRework", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CureReworkNotAnId_IsRefused()
    {
        var result = PlantLoader.Parse(WithCureRework("[a, b]"));

        Assert.Null(result.Model);
        Assert.Contains(result.Diagnostics, x => x.Message.Contains("cureRework", StringComparison.Ordinal) || x.Code == DiagnosticCode.InvalidValue);
    }
}
