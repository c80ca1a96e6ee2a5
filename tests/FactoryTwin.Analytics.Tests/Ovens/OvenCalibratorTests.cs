using System.Globalization;
using System.Text;
using FactoryTwin.Analytics.Ovens;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Ovens;

namespace FactoryTwin.Analytics.Tests.Ovens;

public class OvenCalibratorTests
{
    private static readonly PlantModel Truth = TestPlants.Parse(OvenTestPlant.FourZones);
    private static readonly AssetId Oven = new("oven");
    private static readonly BodyStyleId Style = new("body");

    [Fact]
    public void Calibrate_SyntheticProfileWithHalfKelvinNoise_RecoversEveryHWithinFivePercent()
    {
        var csv = Synthesize(Truth, noise: 0.5, seed: 20240611, every: 2);
        var profile = OvenProfileReader.Parse(csv, "synthetic.csv");
        Assert.True(profile.Success, string.Join("\n", profile.Diagnostics));
        var map = ProbeMap.Parse("T1=panel,T2=door-inner,T3=reinforcement");
        Assert.True(map.Success);

        // Start far from the truth: every h off by 20-30 %, the non-reference exposures by 20 %.
        var start = OvenPlantEdits.WithHeatTransfer(Truth, Oven, [52, 24, 31, 15]);
        start = OvenPlantEdits.WithExposures(start, Style, new Dictionary<PointId, double> { [new("door-inner")] = 0.56, [new("reinforcement")] = 0.6 });

        var result = OvenCalibrator.Calibrate(start, Oven, profile.Profile!, map.Mappings!, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var fit = result.Calibration!;
        var trueOven = OvenPlantEdits.FindOven(Truth, Oven)!;
        var report = string.Join("; ", fit.Zones.Select((z, i) => string.Create(CultureInfo.InvariantCulture, $"{z.Zone}: {z.Value:F2} ± {z.StandardError:F2} (true {trueOven.Zones[i].HeatTransferCoefficient}, error {(z.Value / trueOven.Zones[i].HeatTransferCoefficient) - 1:P2})")));
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.True(fit.Converged, report);
        for (var z = 0; z < fit.Zones.Count; z++)
        {
            var truth = trueOven.Zones[z].HeatTransferCoefficient;
            Assert.True(fit.Zones[z].Fitted);
            Assert.True(Math.Abs(fit.Zones[z].Value / truth - 1) < 0.05, report);
            Assert.True(Math.Abs(fit.Zones[z].Value - truth) < 5 * fit.Zones[z].StandardError, $"the standard error is too small: {report}");
        }

        var truePoints = Truth.BodyStyles.Single().Points;
        foreach (var p in fit.Points)
        {
            var truth = truePoints.Single(t => t.Id == p.Point).ExposureFactor;
            Assert.Equal(truth, p.Value, truth * 0.05);
            Assert.Equal(p.Point == new PointId("panel"), p.IsReference);
        }

        Assert.InRange(fit.ResidualRms, 0.45, 0.55);
        Assert.True(fit.InitialResidualRms > 5 * fit.ResidualRms);

        // The fitted plant carries the fitted values; the input plant is unchanged.
        var fittedOven = OvenPlantEdits.FindOven(fit.Model, Oven)!;
        Assert.Equal(fit.Zones[0].Value, fittedOven.Zones[0].HeatTransferCoefficient);
        Assert.Equal(52, OvenPlantEdits.FindOven(start, Oven)!.Zones[0].HeatTransferCoefficient);
        Assert.Equal(fit.Points.Single(p => p.Point == new PointId("reinforcement")).Value, fit.Model.BodyStyles.Single().Points.Single(p => p.Id == new PointId("reinforcement")).ExposureFactor);
    }

    [Fact]
    public void Calibrate_ProfileEndsInZoneTwo_FitsOnlyTheZonesItCovers()
    {
        var full = Synthesize(Truth, noise: 0.2, seed: 7, every: 2);
        var rows = full.Split('\n').Where(l => l.Length > 0).ToList();
        var cut = string.Join('\n', rows.Take(1 + (700 / 4)));
        var profile = OvenProfileReader.Parse(cut, "cut.csv").Profile!;

        var result = OvenCalibrator.Calibrate(Truth, Oven, profile, ProbeMap.Parse("T1=panel,T3=reinforcement").Mappings!, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal([true, true, false, false], result.Calibration!.Zones.Select(z => z.Fitted));
        Assert.Equal(25, result.Calibration.Zones[2].Value);
    }

    [Fact]
    public void Calibrate_ProbeMappedToUnknownPoint_NamesThePair()
    {
        var profile = OvenProfileReader.Parse(Synthesize(Truth, 0, 1, 10), "p.csv").Profile!;
        var map = ProbeMap.Parse("T1=panel,T2=door-iner").Mappings!;

        var result = OvenCalibrator.Calibrate(Truth, Oven, profile, map, new OvenCalibrationOptions { Style = Style }, TestContext.Current.CancellationToken);

        Assert.False(result.Success);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("--map:1:10: error unknown-reference: probe 'T2' is mapped to point 'door-iner', which body style 'body' does not have (points: panel, door-inner, reinforcement). Did you mean 'door-inner'?", d.ToString());
    }

    [Fact]
    public void Calibrate_ProbeWithoutColumn_NamesTheMissingColumn()
    {
        var profile = OvenProfileReader.Parse(Synthesize(Truth, 0, 1, 10), "p.csv").Profile!;
        var map = ProbeMap.Parse("T1=panel\nT9=reinforcement", "map.txt").Mappings!;

        var result = OvenCalibrator.Calibrate(Truth, Oven, profile, map, cancellationToken: TestContext.Current.CancellationToken);

        var d = Assert.Single(result.Diagnostics);
        Assert.StartsWith("map.txt:2:1: error unknown-reference: probe 'T9' has no column in p.csv (columns: T1, T2, T3).", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Calibrate_PointInNoStyle_IsRefusedWithoutStyle()
    {
        var profile = OvenProfileReader.Parse(Synthesize(Truth, 0, 1, 10), "p.csv").Profile!;

        var result = OvenCalibrator.Calibrate(Truth, Oven, profile, ProbeMap.Parse("T1=roof").Mappings!, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(result.Diagnostics, d => d.Location.Column == 1 && d.Message.Contains("'roof', which no body style has", StringComparison.Ordinal));
    }

    /// <summary>The true model's traces at every <paramref name="every"/>-th 2 s step, in °C with mm:ss times, plus seeded Gaussian noise (Box–Muller).</summary>
    internal static string Synthesize(PlantModel model, double noise, int seed, int every)
    {
        var predictor = new OvenCurePredictor(model, Oven);
        var body = predictor.Predict(new BodyPassage("profiler", Style, 0), OvenConditions.AtSetpoints(predictor.Oven));
        var random = new Random(seed);
        var text = new StringBuilder("time,T1,T2,T3\n");
        var panel = body.Points.Single(p => p.Point == new PointId("panel"));
        var door = body.Points.Single(p => p.Point == new PointId("door-inner"));
        var thick = body.Points.Single(p => p.Point == new PointId("reinforcement"));
        for (var k = 0; k < panel.Times.Count; k += every)
        {
            var t = (int)Math.Round(panel.Times[k]);
            text.Append(CultureInfo.InvariantCulture, $"{t / 60:00}:{t % 60:00}");
            foreach (var p in new[] { panel, door, thick })
            {
                var gauss = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                text.Append(CultureInfo.InvariantCulture, $",{p.Temperatures[k] - 273.15 + (noise * gauss):0.###}");
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
