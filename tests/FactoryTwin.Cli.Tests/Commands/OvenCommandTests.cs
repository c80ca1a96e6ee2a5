using System.Globalization;
using System.Text;
using System.Text.Json;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Loading;
using FactoryTwin.Plant.Ovens;

namespace FactoryTwin.Cli.Tests.Commands;

public sealed class OvenCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-oven-").FullName;

    private static string Automotive => CliRun.Sample("automotive.yaml");

    [Fact]
    public async Task Predict_Topcoat_JsonHasEveryPointOfEveryStyle()
    {
        var (code, output, _) = await CliRun.RunAsync("oven", "predict", Automotive, "--oven", "topcoat-oven", "--output", "json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("topcoat-oven", root.GetProperty("oven").GetString());
        Assert.Equal("ok", root.GetProperty("verdict").GetString());
        Assert.Equal(155.0, root.GetProperty("zoneAirC").GetProperty("z1").GetDouble(), 6);
        var points = root.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(14, points.Count);
        var p = points[0];
        Assert.Equal("sedan", p.GetProperty("style").GetString());
        Assert.Equal("roof-centre", p.GetProperty("point").GetString());
        Assert.InRange(p.GetProperty("peakC").GetDouble(), 125, 165);
        Assert.True(p.GetProperty("timeAboveThresholdMin").GetDouble() > 10);
        Assert.True(p.GetProperty("equivalentTimeMin").GetDouble() > 15);
        Assert.Equal("ok", p.GetProperty("verdict").GetString());
        Assert.True(p.GetProperty("margin").GetDouble() > 0);
        Assert.False(string.IsNullOrEmpty(p.GetProperty("binding").GetString()));
    }

    [Fact]
    public async Task Predict_Text_PrintsATablePerStyle()
    {
        var (code, output, _) = await CliRun.RunAsync("oven", "predict", Automotive, "--oven", "ecoat-oven");

        Assert.Equal(0, code);
        Assert.Contains("sedan", output, StringComparison.Ordinal);
        Assert.Contains("b-pillar-reinforcement", output, StringComparison.Ordinal);
        Assert.Contains("equivalent (min)", output, StringComparison.Ordinal);
        Assert.Contains("Verdict:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_Plot_WritesAPng()
    {
        var png = Path.Combine(_dir, "cure.png");

        var (code, _, _) = await CliRun.RunAsync("oven", "predict", Automotive, "--oven", "topcoat-oven", "--plot", png);

        Assert.Equal(0, code);
        var bytes = await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
    }

    [Fact]
    public async Task Predict_TwoOvensAndNoOvenOption_ExitsTwoListingThem()
    {
        var (code, _, error) = await CliRun.RunAsync("oven", "predict", Automotive);

        Assert.Equal(2, code);
        Assert.Contains("2 ovens (ecoat-oven, topcoat-oven): choose one with --oven", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_UnknownOven_ExitsTwoWithSuggestion()
    {
        var (code, _, error) = await CliRun.RunAsync("oven", "predict", Automotive, "--oven", "topcoat-ovne");

        Assert.Equal(2, code);
        Assert.Contains("Did you mean 'topcoat-oven'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_ColderMeasuredZones_IsUnderCured()
    {
        var csv = Path.Combine(_dir, "zones.csv");
        await File.WriteAllTextAsync(csv, "time,z2,z3,z4\n0,120,115,110\n30:00,120,115,110\n", TestContext.Current.CancellationToken);

        var (code, output, _) = await CliRun.RunAsync("oven", "predict", Automotive, "--oven", "topcoat-oven", "--profile", csv, "--output", "json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("under-cured", doc.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(120, doc.RootElement.GetProperty("zoneAirC").GetProperty("z2").GetDouble(), 6);
    }

    [Fact]
    public async Task Predict_ProfileColumnNotAZone_ExitsOneNamingRowAndColumn()
    {
        var csv = Path.Combine(_dir, "zones.csv");
        await File.WriteAllTextAsync(csv, "time,z2,zz3\n0,120,115\n", TestContext.Current.CancellationToken);

        var (code, output, _) = await CliRun.RunAsync("oven", "predict", Automotive, "--oven", "topcoat-oven", "--profile", csv, "--output", "json");

        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        var d = Assert.Single(doc.RootElement.GetProperty("diagnostics").EnumerateArray().ToList());
        Assert.Equal(1, d.GetProperty("line").GetInt32());
        Assert.Equal(9, d.GetProperty("column").GetInt32());
        Assert.Equal("unknown-reference", d.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Predict_InvalidPlant_ExitsOne()
    {
        var path = Path.Combine(_dir, "bad.yaml");
        await File.WriteAllTextAsync(path, "apiVersion: factorytwin/v1\nsite:\n  id: x\n  nmae: X\n", TestContext.Current.CancellationToken);

        var (code, _, error) = await CliRun.RunAsync("oven", "predict", path);

        Assert.Equal(1, code);
        Assert.Contains($"{path}:4:3: error unknown-field", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_ProfileFromTenPercentHotterZones_FitsAboutTenPercentMoreH()
    {
        var profile = await WriteProfileAsync(1.1);

        var (code, output, error) = await CliRun.RunAsync(
            "oven", "calibrate", Automotive, "--oven", "topcoat-oven", "--profile", profile, "--map", "T1=roof-centre,T2=floor-pan,T3=b-pillar-reinforcement", "--style", "sedan", "--output", "json");

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("sedan", root.GetProperty("style").GetString());
        Assert.True(root.GetProperty("converged").GetBoolean());
        Assert.InRange(root.GetProperty("residualRmsK").GetDouble(), 0, 0.5);
        Assert.True(root.GetProperty("initialResidualRmsK").GetDouble() > 1);
        var zones = root.GetProperty("zones").EnumerateArray().ToList();
        Assert.Equal(5, zones.Count);
        foreach (var z in zones.Take(4))
        {
            // z4 follows z3 with a 5 K step only, so it is the least determined: allow 3 standard errors where that is more than 5 %.
            var truth = 1.1 * z.GetProperty("initial").GetDouble();
            var se = z.GetProperty("standardError").GetDouble();
            Assert.True(se > 0);
            Assert.True(Math.Abs(z.GetProperty("value").GetDouble() - truth) < Math.Max(0.05 * truth, 3 * se), z.ToString());
        }

        var points = root.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(3, points.Count);
        Assert.True(points[0].GetProperty("reference").GetBoolean());
        Assert.Equal("T3", points[2].GetProperty("probes")[0].GetString());
    }

    [Fact]
    public async Task Calibrate_TextAndPlot()
    {
        var profile = await WriteProfileAsync(1.0);
        var map = Path.Combine(_dir, "map.txt");
        await File.WriteAllTextAsync(map, "# probe=point\nT1=roof-centre\nT3=b-pillar-reinforcement\n", TestContext.Current.CancellationToken);
        var png = Path.Combine(_dir, "fit.png");

        var (code, output, error) = await CliRun.RunAsync("oven", "calibrate", Automotive, "--oven", "topcoat-oven", "--profile", profile, "--map", map, "--style", "sedan", "--plot", png);

        Assert.True(code == 0, error);
        Assert.Contains("zone heat-transfer coefficient", output, StringComparison.Ordinal);
        Assert.Contains("(reference, held)", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(png).Length > 1000);
    }

    [Fact]
    public async Task Calibrate_MalformedProfile_ExitsOneNamingRowAndColumn()
    {
        var profile = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(profile, "time,T1\n0,20\n10,abc\n", TestContext.Current.CancellationToken);

        var (code, _, error) = await CliRun.RunAsync("oven", "calibrate", Automotive, "--oven", "topcoat-oven", "--profile", profile, "--map", "T1=roof-centre", "--style", "sedan");

        Assert.Equal(1, code);
        Assert.Contains($"{profile}:3:4: error invalid-value: row 3, column 2 ('T1'): 'abc' is not a temperature in °C.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_AmbiguousStyle_ExitsOneAskingForStyle()
    {
        var profile = await WriteProfileAsync(1.0);

        var (code, _, error) = await CliRun.RunAsync("oven", "calibrate", Automotive, "--oven", "topcoat-oven", "--profile", profile, "--map", "T1=roof-centre");

        Assert.Equal(1, code);
        Assert.Contains("exist in body styles sedan, suv", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_WithoutMap_ExitsTwo()
    {
        var (code, _, _) = await CliRun.RunAsync("oven", "calibrate", Automotive, "--oven", "topcoat-oven", "--profile", "x.csv");

        Assert.Equal(2, code);
    }

    [Fact]
    public async Task Optimize_Topcoat_JsonHasSetpointsMarginsAndSaving()
    {
        var (code, output, error) = await CliRun.RunAsync("oven", "optimize", Automotive, "--oven", "topcoat-oven", "--output", "json");

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("feasible").GetBoolean());
        Assert.Equal(5, root.GetProperty("zones").GetArrayLength());
        var z1 = root.GetProperty("zones")[0];
        Assert.Equal(155, z1.GetProperty("currentC").GetDouble(), 6);
        Assert.InRange(z1.GetProperty("optimizedC").GetDouble(), 125 - 1e-6, 185 + 1e-6);
        Assert.All(root.GetProperty("points").EnumerateArray(), p => Assert.True(p.GetProperty("margin").GetDouble() >= 0.0499));
        Assert.Equal(0.05, root.GetProperty("binding").GetProperty("margin").GetDouble(), 0.005);
        var heat = root.GetProperty("heat");
        Assert.True(heat.GetProperty("savingPercent").GetDouble() > 0);
        Assert.Equal(heat.GetProperty("currentKw").GetDouble() - heat.GetProperty("optimizedKw").GetDouble(), heat.GetProperty("savingKw").GetDouble(), 0.02);
    }

    [Fact]
    public async Task Optimize_ImpossibleMargin_ExitsOneNamingTheBindingPoint()
    {
        var (code, output, error) = await CliRun.RunAsync("oven", "optimize", Automotive, "--oven", "topcoat-oven", "--margin", "0.6", "--range", "5");

        Assert.Equal(1, code);
        Assert.Contains("error: no setting within the bounds keeps every point's cure margin at or above 0.6", error, StringComparison.Ordinal);
        Assert.Contains("leaves point '", error, StringComparison.Ordinal);
        Assert.Contains("best reachable setpoints (infeasible)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_BadSpeed_ExitsTwo()
    {
        var (code, _, error) = await CliRun.RunAsync("oven", "optimize", Automotive, "--oven", "topcoat-oven", "--speed", "7:6");

        Assert.Equal(2, code);
        Assert.Contains("--speed '7:6'", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A sedan profile through the topcoat oven with every zone's h scaled, 10 s samples, 0.3 K seeded noise.</summary>
    private async Task<string> WriteProfileAsync(double scale)
    {
        var model = PlantLoader.LoadFile(Automotive).Model!;
        var station = (FactoryTwin.Model.Plants.Station)model.FindElement(new AssetId("topcoat-oven"))!;
        var oven = station.Oven! with { Zones = FactoryTwin.Model.Collections.ValueList.ToValueList(station.Oven!.Zones.Select(z => z with { HeatTransferCoefficient = z.HeatTransferCoefficient * scale })) };
        var scaled = FactoryTwin.Analytics.Ovens.OvenPlantEdits.WithOven(model, station.Id, oven);
        var predictor = new OvenCurePredictor(scaled, station.Id);
        var body = predictor.Predict(new BodyPassage("p", new BodyStyleId("sedan"), 0), OvenConditions.AtSetpoints(oven));
        var points = new[] { "roof-centre", "floor-pan", "b-pillar-reinforcement" }.Select(id => body.Points.Single(p => p.Point == new PointId(id))).ToList();
        var random = new Random(42);
        var text = new StringBuilder("time,T1,T2,T3\n");
        for (var k = 0; k < points[0].Times.Count; k += 5)
        {
            text.Append(CultureInfo.InvariantCulture, $"{points[0].Times[k]:0}");
            foreach (var p in points)
            {
                var gauss = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                text.Append(CultureInfo.InvariantCulture, $",{p.Temperatures[k] - 273.15 + (0.3 * gauss):0.00}");
            }

            text.Append('\n');
        }

        var path = Path.Combine(_dir, $"profile-{scale.ToString(CultureInfo.InvariantCulture)}.csv");
        await File.WriteAllTextAsync(path, text.ToString(), TestContext.Current.CancellationToken);
        return path;
    }
}
