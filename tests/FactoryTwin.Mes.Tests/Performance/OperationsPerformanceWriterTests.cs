using System.Xml.Linq;
using FactoryTwin.Mes.Performance;
using FactoryTwin.Mes.Schemas;
using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.TestSupport;

namespace FactoryTwin.Mes.Tests.Performance;

public sealed class OperationsPerformanceWriterTests
{
    private static readonly XNamespace s_b2mml = B2mmlSchemas.Namespace;
    private static readonly DateTimeOffset s_start = PartEvents.Monday6;

    private static PerformanceReport Report()
    {
        var schedule = PerformanceCalculatorTests.Schedule(("A", "sedan", "white", 3, 8), ("B", "suv", "black", 2, 1), ("C", "suv", "red", 4, 8));
        var events = new PartEvents().Through("A0", "sedan", "white", 0).Through("A1", "sedan", "white", 5).Scrapped("A2", "sedan", "white", 10).Through("B0", "suv", "black", 15, end: 100);
        var quality = new Dictionary<string, BodyQuality>
        {
            ["A0"] = new("A0", new AssetId("topcoat-oven"), "ok", 0.42, "b-pillar-reinforcement", s_start.AddMinutes(150)),
            ["A1"] = new("A1", new AssetId("topcoat-oven"), "under-cure", -0.05, "sill-reinforcement", s_start.AddMinutes(155)),
        };
        StationStateSpan[] states = [new(new AssetId("respot"), StationState.Down, s_start.AddMinutes(30), s_start.AddMinutes(42))];
        return PerformanceCalculator.Compute(TestPlants.Automotive, schedule, s_start, s_start.AddHours(8), events.All, states, quality, "2026-12-07/early");
    }

    [Fact]
    public void ToXml_ReportWithScrapLateOrdersQualityAndDowntime_IsSchemaValid()
    {
        var xml = OperationsPerformanceWriter.ToXml(Report(), s_start.AddHours(8));

        Assert.Empty(B2mmlValidator.Validate(xml));
    }

    [Fact]
    public void ToXml_ProducedAndScrappedQuantities_AreThoseOfTheReport()
    {
        var report = Report();
        var xml = OperationsPerformanceWriter.ToXml(report, s_start.AddHours(8));

        var a = xml.Root!.Elements(s_b2mml + "OperationsResponse").Single(r => r.Element(s_b2mml + "OperationsRequestID")?.Value == "A");
        var body = a.Elements(s_b2mml + "SegmentResponse").Single(s => s.Element(s_b2mml + "ProcessSegmentID")!.Value == "body");
        var quantities = body.Elements(s_b2mml + "MaterialActual").ToDictionary(
            m => (string?)m.Element(s_b2mml + "MaterialUse")!.Attribute("OtherValue") ?? m.Element(s_b2mml + "MaterialUse")!.Value,
            m => int.Parse(m.Element(s_b2mml + "Quantity")!.Element(s_b2mml + "QuantityString")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, quantities["Produced"]);
        Assert.Equal(1, quantities["Scrapped"]);
        Assert.Equal("Running", a.Element(s_b2mml + "ResponseState")!.Value); // 2 of 3 finished, one scrapped, not yet due
        var b = xml.Root.Elements(s_b2mml + "OperationsResponse").Single(r => r.Element(s_b2mml + "ID")!.Value == "B");
        Assert.Equal("Late", b.Element(s_b2mml + "ResponseState")!.Attribute("OtherValue")!.Value);
    }

    [Fact]
    public void ToXml_BodyQuality_IsSegmentDataOfTheOvensLine()
    {
        var xml = OperationsPerformanceWriter.ToXml(Report(), s_start.AddHours(8));

        var paint = xml.Descendants(s_b2mml + "SegmentResponse").Single(s => s.Element(s_b2mml + "ID")!.Value == "A/paint");
        var a1 = paint.Elements(s_b2mml + "SegmentData").Single(d => d.Element(s_b2mml + "ID")!.Value == "A1");
        var data = a1.Elements(s_b2mml + "SegmentData").ToDictionary(d => d.Element(s_b2mml + "ID")!.Value, d => d.Element(s_b2mml + "Value")!.Element(s_b2mml + "ValueString")!.Value);
        Assert.Equal("under-cure", data["cure-verdict"]);
        Assert.Equal("-0.05", data["cure-index"]);
        Assert.Equal("sill-reinforcement", data["worst-point"]);
        Assert.Equal("topcoat-oven", data["oven"]);
    }

    [Fact]
    public void ToXml_PlantReportedTheVerdict_ItIsTheBodysVerdict_WithTheRouteAndTheTwinsIndexWhenItPredictedThatOven()
    {
        // R0: the topcoat oven reported it under-cured and sent it to the repaint queue; the twin had not predicted it.
        // R1: reported under-cured too, and the twin's prediction of the same oven gives the index.
        var schedule = PerformanceCalculatorTests.Schedule(("A", "sedan", "white", 2, 8));
        var events = new PartEvents().Through("R0", "sedan", "white", 0).Through("R1", "sedan", "white", 5)
            .Add("topcoat-oven", 100, Model.Telemetry.PartEventKind.Exit, "R0", "sedan", "white")
            .Add("topcoat-oven", 105, Model.Telemetry.PartEventKind.Exit, "R1", "sedan", "white");
        var all = events.All.Select(e => e.Asset.Value == "topcoat-oven" ? e with { Cure = Model.Telemetry.PartCure.UnderCured, Route = new AssetId("repaint-queue") } : e).ToList();
        var quality = new Dictionary<string, BodyQuality> { ["R1"] = new("R1", new AssetId("topcoat-oven"), "under-cured", -0.2, "roof", s_start.AddMinutes(104)) };
        var report = PerformanceCalculator.Compute(TestPlants.Automotive, schedule, s_start, s_start.AddHours(8), all, [], quality);

        var xml = OperationsPerformanceWriter.ToXml(report, s_start.AddHours(8));

        Assert.Empty(B2mmlValidator.Validate(xml));
        var paint = xml.Descendants(s_b2mml + "SegmentResponse").Single(s => s.Element(s_b2mml + "ID")!.Value == "A/paint");
        Dictionary<string, string> Data(string body) => paint.Elements(s_b2mml + "SegmentData").Single(d => d.Element(s_b2mml + "ID")!.Value == body)
            .Elements(s_b2mml + "SegmentData").ToDictionary(d => d.Element(s_b2mml + "ID")!.Value, d => d.Element(s_b2mml + "Value")!.Element(s_b2mml + "ValueString")!.Value);
        var r0 = Data("R0");
        Assert.Equal(("under-cured", "plant", "repaint-queue", "topcoat-oven"), (r0["cure-verdict"], r0["cure-source"], r0["cure-route"], r0["oven"]));
        Assert.False(r0.ContainsKey("cure-index"));
        var r1 = Data("R1");
        Assert.Equal(("under-cured", "plant", "-0.2", "roof"), (r1["cure-verdict"], r1["cure-source"], r1["cure-index"], r1["worst-point"]));
    }

    [Fact]
    public void ToXml_Downtime_IsEquipmentActualPerStationInSeconds()
    {
        var xml = OperationsPerformanceWriter.ToXml(Report(), s_start.AddHours(8));

        var respot = xml.Descendants(s_b2mml + "EquipmentActual").Single(e => e.Element(s_b2mml + "EquipmentID")!.Value == "respot");
        var down = respot.Elements(s_b2mml + "EquipmentActualProperty").Single();
        Assert.Equal("down", down.Element(s_b2mml + "ID")!.Value);
        Assert.Equal("720", down.Element(s_b2mml + "Value")!.Element(s_b2mml + "ValueString")!.Value);
    }

    [Fact]
    public void Validate_DocumentThatBreaksTheSchema_ReportsTheProblem()
    {
        var xml = OperationsPerformanceWriter.ToXml(Report(), s_start.AddHours(8));
        xml.Descendants(s_b2mml + "SegmentData").First().Element(s_b2mml + "ID")!.Remove();

        var problems = B2mmlValidator.Validate(xml);

        Assert.NotEmpty(problems);
    }
}
