using FactoryTwin.Model.Capacity;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Loading;

namespace FactoryTwin.Model.Tests.Capacity;

public class CapacityAnalysisTests
{
    [Fact]
    public void Analyze_ReworkLoop_VisitRatioIsGeometric()
    {
        var model = PlantLoader.Parse(TestPlants.Minimal).Model!;

        var report = CapacityAnalysis.Analyze(model);

        // Inspection sends 10 % to repair, which returns to inspection: v = 1 / (1 - 0.1).
        var insp = report.Elements.Single(e => e.Id == new AssetId("insp"));
        Assert.Equal(1 / 0.9, insp.VisitRatio, 9);
        Assert.Equal(0.1 / 0.9, report.Elements.Single(e => e.Id == new AssetId("repair")).VisitRatio, 9);
        Assert.Equal(3600 / 40.0, insp.PartsPerHour, 9);
        Assert.Equal(3600 / 40.0 * 0.9, insp.MaxReleasePerHour, 9);
    }

    [Fact]
    public void Analyze_Minimal_BottleneckIsTheSlowestPerVisit()
    {
        var model = PlantLoader.Parse(TestPlants.Minimal).Model!;

        var report = CapacityAnalysis.Analyze(model);

        // st1 72/h, oven 5 m/min / 5 m = 60/h, inspection 81/h, repair 12/h / (1/9 visits) = 108/h.
        Assert.Equal(new AssetId("oven"), report.Bottleneck);
        Assert.Equal(60, report.MaxReleasePerHour, 9);
        Assert.Equal(60, report.ReleasePerHour, 9);
    }

    [Fact]
    public void Analyze_Failures_ReduceCapacityByAvailability()
    {
        var model = PlantLoader.LoadFile(TestPlants.SamplePath("two-stations.yaml")).Model!;

        var report = CapacityAnalysis.Analyze(model);

        // Station B: 55 s, MTBF 8 h, MTTR 10 min: 3600/55 × 1/(1 + 10/480).
        var b = report.Elements.Single(e => e.Id == new AssetId("station-b"));
        Assert.Equal(3600 / 55.0 / (1 + (10.0 / 480)), b.PartsPerHour, 9);
        Assert.Equal(new AssetId("station-b"), report.Bottleneck);
    }

    [Fact]
    public void Analyze_Automotive_SplitByVariantSharesTheFlow()
    {
        var model = PlantLoader.LoadFile(TestPlants.SamplePath("automotive.yaml")).Model!;

        var report = CapacityAnalysis.Analyze(model);

        Assert.Equal(0.6, report.Elements.Single(e => e.Id == new AssetId("framing-sedan")).VisitRatio, 9);
        Assert.Equal(0.4, report.Elements.Single(e => e.Id == new AssetId("framing-suv")).VisitRatio, 9);
        Assert.InRange(report.MaxReleasePerHour, 60, 70);
        Assert.Equal(3, report.Lines.Count);
    }
}
