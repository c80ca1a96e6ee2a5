using FactoryTwin.Analytics.Ovens;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Ovens;

namespace FactoryTwin.Analytics.Tests.Ovens;

public class OvenSetpointOptimizerTests
{
    private static readonly AssetId Oven = new("oven");

    [Fact]
    public void Optimize_OneZone_FindsTheLowestTemperatureWithTheRequiredMargin()
    {
        var model = TestPlants.Parse(OvenTestPlant.OneZone());
        var predictor = new OvenCurePredictor(model, Oven);
        double MinMargin(double t) => predictor.Predict(new BodyPassage("b", new BodyStyleId("body"), 0), new OvenConditions([TemperatureSchedule.Constant(t)], [], predictor.Oven.ConveyorSpeed)).Points.Min(p => p.Margin);

        // Reference by plain bisection between 150 °C (under-cured) and 180 °C (the setpoint, cured).
        double lo = 423.15, hi = 453.15;
        Assert.True(MinMargin(lo) < 0.05);
        Assert.True(MinMargin(hi) >= 0.05);
        while (hi - lo > 1e-3)
        {
            var mid = 0.5 * (lo + hi);
            (lo, hi) = MinMargin(mid) >= 0.05 ? (lo, mid) : (mid, hi);
        }

        var result = OvenSetpointOptimizer.Optimize(model, Oven, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Feasible, result.Message);
        var zone = Assert.Single(result.Zones);
        Assert.Equal(hi, zone.Optimized, 0.5);
        Assert.Equal(0.05, result.Binding.Margin, 0.005);
        Assert.Equal(new PointId("reinforcement"), result.Binding.Point);
        Assert.All(result.Points, p => Assert.True(p.Margin >= 0.05, $"{p.Point}: {p.Margin}"));
        Assert.True(result.Saving > 0);
        Assert.True(result.SavingPower > 0);

        // The saving is the energy model's, recomputed by hand: only the wall loss and the mean peak change.
        var energy = new OvenEnergyModel();
        var oven = predictor.Oven;
        Assert.Equal(100 * 120 * (zone.Optimized - 293.15), result.Optimized.WallLoss, 1e-6);
        Assert.Equal(100 * 120 * (zone.Current - 293.15), result.Current.WallLoss, 1e-6);
        Assert.Equal((result.Optimized.WallLoss + result.Optimized.BodyHeat) * oven.Pitch / oven.ConveyorSpeed, result.Optimized.PerBody, 1e-6);
        Assert.Equal(100, energy.LossPerMetre);
    }

    [Fact]
    public void Optimize_UpperBoundTooCold_IsInfeasibleNamingTheBindingPointAndCriterion()
    {
        var model = TestPlants.Parse(OvenTestPlant.OneZone());
        var options = new OvenOptimizationOptions { Bounds = new Dictionary<ZoneId, ZoneBounds> { [new("z1")] = new(423.15, 433.15) } };

        var result = OvenSetpointOptimizer.Optimize(model, Oven, options, TestContext.Current.CancellationToken);

        Assert.False(result.Feasible);
        Assert.Equal(new PointId("reinforcement"), result.Binding.Point);
        Assert.Equal(CureVerdict.UnderCured, result.Binding.Verdict);
        Assert.Equal(433.15, Assert.Single(result.Zones).Optimized, 0.5);
        Assert.StartsWith("no setting within the bounds keeps every point's cure margin at or above 0.05: the best found (z1 160.0 °C) leaves point 'body/reinforcement' at margin -", result.Message, StringComparison.Ordinal);
        Assert.Contains("bound by the minimum", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_FourZones_EveryPointKeepsTheMarginWithLessHeat()
    {
        var model = TestPlants.Parse(OvenTestPlant.FourZones);

        var result = OvenSetpointOptimizer.Optimize(model, Oven, cancellationToken: TestContext.Current.CancellationToken);
        var again = OvenSetpointOptimizer.Optimize(model, Oven, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Feasible, result.Message);
        Assert.Equal(3, result.Points.Count);
        Assert.All(result.Points, p => Assert.True(p.Margin >= 0.05 - 1e-9, $"{p.Point}: {p.Margin}"));
        Assert.True(result.Saving > 0.01, $"saving {result.Saving:P1}");
        Assert.All(result.Zones, z => Assert.InRange(z.Optimized, z.Min, z.Max));
        Assert.Equal(result.Zones.Select(z => z.Optimized), again.Zones.Select(z => z.Optimized));

        // Optimal: no single zone can go 0.5 K lower without breaking the margin, unless it sits on its lower bound.
        var predictor = new OvenCurePredictor(model, Oven);
        foreach (var (zone, i) in result.Zones.Select((z, i) => (z, i)))
        {
            if (zone.Optimized - zone.Min < 0.5)
            {
                continue;
            }

            var lower = result.Zones.Select((z, k) => TemperatureSchedule.Constant(z.Optimized - (k == i ? 0.5 : 0))).ToList();
            var body = predictor.Predict(new BodyPassage("b", new BodyStyleId("body"), 0), new OvenConditions(lower, [], predictor.Oven.ConveyorSpeed));
            Assert.True(body.Points.Min(p => p.Margin) < 0.05, $"{zone.Zone} could go lower");
        }
    }

    [Fact]
    public void Optimize_WithSpeedRange_NeedsNoMoreHeatPerBodyThanAtFixedSpeed()
    {
        var model = TestPlants.Parse(OvenTestPlant.FourZones);
        var fixedSpeed = OvenSetpointOptimizer.Optimize(model, Oven, cancellationToken: TestContext.Current.CancellationToken);

        var free = OvenSetpointOptimizer.Optimize(model, Oven, new OvenOptimizationOptions { Speed = new SpeedRange(3.5 / 60, 5.0 / 60) }, TestContext.Current.CancellationToken);

        Assert.True(free.Feasible, free.Message);
        Assert.InRange(free.Speed, 3.5 / 60, 5.0 / 60);
        Assert.True(free.Optimized.PerBody <= fixedSpeed.Optimized.PerBody * 1.001, $"{free.Optimized.PerBody} vs {fixedSpeed.Optimized.PerBody}");
        Assert.All(free.Points, p => Assert.True(p.Margin >= 0.05 - 1e-9));
    }

    [Fact]
    public void Optimize_AutomotiveTopcoat_IsFeasibleForBothStyles()
    {
        var result = OvenSetpointOptimizer.Optimize(TestPlants.Automotive, new AssetId("topcoat-oven"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Feasible, result.Message);
        Assert.Equal(14, result.Points.Count);
        Assert.Equal(2, result.Points.Select(p => p.Style).Distinct().Count());
        Assert.All(result.Points, p => Assert.True(p.Margin >= 0.05 - 1e-9));
        TestContext.Current.TestOutputHelper?.WriteLine($"saving {result.Saving:P1}, {result.SavingPower / 1000:F0} kW, {result.Evaluations} evaluations, binding {result.Binding.Style}/{result.Binding.Point}");
    }
}
