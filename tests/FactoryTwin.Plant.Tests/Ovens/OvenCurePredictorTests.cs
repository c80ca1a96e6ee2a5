using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Ovens;

namespace FactoryTwin.Plant.Tests.Ovens;

public class OvenCurePredictorTests
{
    private static readonly PlantModel Model = TestPlants.Parse(OvenTestPlant.Yaml);
    private static readonly AssetId Oven = new("oven");
    private static readonly BodyPassage Body = new("B-1", new BodyStyleId("body"), 0);

    [Fact]
    public void Predict_Nominal_BothPointsCured()
    {
        var predictor = new OvenCurePredictor(Model, Oven);

        var result = predictor.Predict(Body, OvenConditions.AtSetpoints(predictor.Oven));

        Assert.Equal(CureVerdict.Ok, result.Verdict);
        Assert.All(result.Points, p => Assert.InRange(p.Margin, 0.05, 1));
        Assert.Equal(120 / (4 / 60.0), result.ExitTime, 6);
    }

    [Fact]
    public void Predict_LongerConveyorStop_AllocatesNothingMorePerTimeStep()
    {
        // A prediction runs once per body and oven in every simulated cure routing (what-if, forecast): without traces,
        // a time step allocates nothing (no delegate, closure or enumerator per step), so an hour's stop costs no memory.
        var predictor = new OvenCurePredictor(Model, Oven, new OvenPredictionOptions { Model = ThermalModelKind.Lumped });
        long Allocated(double stop)
        {
            var conditions = OvenConditions.AtSetpoints(predictor.Oven).WithStops(new ConveyorStop(600, stop));
            predictor.PredictBatch([Body], conditions);
            long before = GC.GetAllocatedBytesForCurrentThread();
            predictor.PredictBatch([Body], conditions);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        long minute = Allocated(60);
        long hour = Allocated(3600);

        // 1,770 more time steps of 2 s: the same memory within a few allocations.
        Assert.True(hour - minute < 4096, $"{hour:N0} bytes with an hour's stop against {minute:N0} with a minute's");
    }

    [Fact]
    public void Predict_OneZoneThirtyKelvinColder_ThickPointUnderCured()
    {
        var predictor = new OvenCurePredictor(Model, Oven);
        var zones = predictor.Oven.Zones.Select((z, i) => TemperatureSchedule.Constant(z.Setpoint - (i == 1 ? 30 : 0))).ToList();

        var result = predictor.Predict(Body, OvenConditions.AtSetpoints(predictor.Oven).WithZones(zones));

        var thick = result.Points.Single(p => p.Point == new PointId("reinforcement"));
        Assert.Equal(CureVerdict.UnderCured, thick.Verdict);
        Assert.True(thick.Margin < 0);
        Assert.Equal(CureVerdict.UnderCured, result.Verdict);
    }

    [Fact]
    public void Predict_AllZonesFortyKelvinHotter_ThinPointOverBaked()
    {
        var predictor = new OvenCurePredictor(Model, Oven);
        var zones = predictor.Oven.Zones.Select(z => TemperatureSchedule.Constant(z.Setpoint + 40)).ToList();

        var result = predictor.Predict(Body, OvenConditions.AtSetpoints(predictor.Oven).WithZones(zones));

        var thin = result.Points.Single(p => p.Point == new PointId("panel"));
        Assert.Equal(CureVerdict.OverBaked, thin.Verdict);
        Assert.True(thin.PeakTemperature > predictor.Window.MaxPeakTemperature);
    }

    [Theory]
    [InlineData("panel")]
    [InlineData("reinforcement")]
    public void Predict_Slab_MatchesEightTimesFinerGridAndStep(string point)
    {
        var coarse = new OvenCurePredictor(Model, Oven, new OvenPredictionOptions { Model = ThermalModelKind.Slab, CellsThroughThickness = 8, TimeStep = 2 });
        var fine = new OvenCurePredictor(Model, Oven, new OvenPredictionOptions { Model = ThermalModelKind.Slab, CellsThroughThickness = 64, TimeStep = 0.25 });
        var conditions = OvenConditions.AtSetpoints(coarse.Oven);

        var c = coarse.Predict(Body, conditions).Points.Single(p => p.Point == new PointId(point));
        var f = fine.Predict(Body, conditions).Points.Single(p => p.Point == new PointId(point));

        Assert.Equal(ThermalModelKind.Slab, c.Model);
        Assert.True(c.Temperatures.Count > 800);
        var worst = 0.0;
        for (var k = 0; k < c.Temperatures.Count; k++)
        {
            Assert.Equal(c.Times[k], f.Times[8 * k], 9);
            worst = Math.Max(worst, Math.Abs(c.Temperatures[k] - f.Temperatures[8 * k]));
        }

        Assert.True(worst < 0.5, $"largest difference {worst} K");
    }

    [Fact]
    public void Predict_SmallBiot_LumpedAndSlabAgree()
    {
        var lumped = new OvenCurePredictor(Model, Oven, new OvenPredictionOptions { Model = ThermalModelKind.Lumped });
        var slab = new OvenCurePredictor(Model, Oven, new OvenPredictionOptions { Model = ThermalModelKind.Slab });
        var conditions = OvenConditions.AtSetpoints(lumped.Oven);

        var l = lumped.Predict(Body, conditions);
        var s = slab.Predict(Body, conditions);

        for (var i = 0; i < l.Points.Count; i++)
        {
            var worst = l.Points[i].Temperatures.Zip(s.Points[i].Temperatures, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst < 0.5, $"{l.Points[i].Point}: largest difference {worst} K");
            Assert.Equal(l.Points[i].EquivalentTime, s.Points[i].EquivalentTime, l.Points[i].EquivalentTime * 0.005);
        }
    }

    [Fact]
    public void Predict_Auto_UsesLumpedBelowTheBiotThresholdOnly()
    {
        var auto = new OvenCurePredictor(Model, Oven);
        var strict = new OvenCurePredictor(Model, Oven, new OvenPredictionOptions { BiotThreshold = 1e-4 });
        var conditions = OvenConditions.AtSetpoints(auto.Oven);

        Assert.All(auto.Predict(Body, conditions).Points, p => Assert.Equal(ThermalModelKind.Lumped, p.Model));

        // Bi = 40 W/(m²K) · 0.4 mm / 50 W/(mK) = 3.2e-4 for the panel, 30·0.5·1.5 mm/42 ... both above 1e-4.
        Assert.All(strict.Predict(Body, conditions).Points, p => Assert.Equal(ThermalModelKind.Slab, p.Model));
    }

    [Fact]
    public void Predict_FiveMinuteStopInHotZone_RaisesCureByTheDirectlyComputedAmount()
    {
        var predictor = new OvenCurePredictor(Model, Oven, new OvenPredictionOptions { Model = ThermalModelKind.Lumped });
        var nominal = OvenConditions.AtSetpoints(predictor.Oven);
        var stopped = nominal.WithStops(new ConveyorStop(600, 300));

        var before = predictor.Predict(Body, nominal);
        var after = predictor.Predict(Body, stopped);

        Assert.Equal(before.ExitTime + 300, after.ExitTime, 6);
        foreach (var style in Model.BodyStyles)
        {
            foreach (var point in style.Points)
            {
                var predicted = after.Points.Single(p => p.Point == point.Id).EquivalentTime - before.Points.Single(p => p.Point == point.Id).EquivalentTime;
                var direct = DirectEquivalentTime(point, stopped) - DirectEquivalentTime(point, nominal);
                Assert.True(predicted > 0, $"{point.Id}: the stop must add cure");
                Assert.Equal(direct, predicted, Math.Abs(direct) * 0.01);
            }
        }
    }

    [Fact]
    public void PredictBatch_ManyBodies_EqualsOneByOnePredictions()
    {
        var predictor = new OvenCurePredictor(Model, Oven, new OvenPredictionOptions { Model = ThermalModelKind.Slab, CellsThroughThickness = 4 });
        var air = predictor.Oven.Zones.Select((z, i) => TemperatureSchedule.PiecewiseLinear([0, 1800, 3600], [z.Setpoint, z.Setpoint - 20 + i, z.Setpoint + 5])).ToList();
        var conditions = OvenConditions.AtSetpoints(predictor.Oven).WithZones(air).WithStops(new ConveyorStop(900, 120));
        var bodies = Enumerable.Range(0, 12).Select(i => new BodyPassage($"B-{i}", new BodyStyleId("body"), i * 90.0)).ToList();

        var batch = predictor.PredictBatch(bodies, conditions, cancellationToken: TestContext.Current.CancellationToken);

        for (var i = 0; i < bodies.Count; i++)
        {
            var single = predictor.Predict(bodies[i], conditions);
            Assert.Equal(single.ExitTime, batch[i].ExitTime, 9);
            for (var p = 0; p < single.Points.Count; p++)
            {
                Assert.Equal(single.Points[p].EquivalentTime, batch[i].Points[p].EquivalentTime, 1e-9 * single.Points[p].EquivalentTime);
                Assert.Equal(single.Points[p].PeakTemperature, batch[i].Points[p].PeakTemperature, 1e-9);
            }
        }
    }

    [Fact]
    public void Predict_SlabOnIlgpuBackend_MatchesCpu()
    {
        var options = new OvenPredictionOptions { Model = ThermalModelKind.Slab, CellsThroughThickness = 4, TimeStep = 10 };
        var cpu = new OvenCurePredictor(Model, Oven, options with { Backend = FactoryTwin.Thermal.Solver.HeatBackend.Cpu });
        var gpu = new OvenCurePredictor(Model, Oven, options with { Backend = FactoryTwin.Thermal.Solver.HeatBackend.IlgpuCpu });
        var conditions = OvenConditions.AtSetpoints(cpu.Oven);

        var a = cpu.Predict(Body, conditions);
        var b = gpu.Predict(Body, conditions);

        for (var i = 0; i < a.Points.Count; i++)
        {
            Assert.Equal(a.Points[i].EquivalentTime, b.Points[i].EquivalentTime, a.Points[i].EquivalentTime * 1e-9);
            Assert.Equal(a.Points[i].PeakTemperature, b.Points[i].PeakTemperature, 1e-7);
        }
    }

    [Fact]
    public void Constructor_NotAnOven_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new OvenCurePredictor(Model, new AssetId("src")));

        Assert.Contains("not an oven", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictBatch_WrongZoneCount_Throws()
    {
        var predictor = new OvenCurePredictor(Model, Oven);

        Assert.Throws<ArgumentException>(() => predictor.PredictBatch([Body], new OvenConditions([TemperatureSchedule.Constant(400)], [], 0.1), cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Predict_AutomotiveOvens_CureEveryPointAtSetpoints()
    {
        var model = TestPlants.Automotive;
        foreach (var oven in new[] { "ecoat-oven", "topcoat-oven" })
        {
            var predictor = new OvenCurePredictor(model, new AssetId(oven));
            foreach (var style in model.BodyStyles)
            {
                var result = predictor.Predict(new BodyPassage("B", style.Id, 0), OvenConditions.AtSetpoints(predictor.Oven));

                Assert.True(result.Verdict == CureVerdict.Ok, $"{oven}/{style.Id}: {string.Join("; ", result.Points.Select(p => $"{p.Point} {p.Verdict} {p.Binding} {p.Margin:F2} peak {p.PeakTemperature - 273.15:F0} teq {p.EquivalentTime / 60:F1} above {p.TimeAboveThreshold / 60:F1}"))}");
            }
        }
    }

    /// <summary>Independent reference: lumped ODE by classical RK4 with a 0.05 s step, the body's position integrated alongside.</summary>
    private static double DirectEquivalentTime(MeasurementPoint point, OvenConditions conditions)
    {
        var oven = ((Station)Model.FindElement(Oven)!).Oven!;
        var material = Model.Materials.Single(m => m.Id == point.Material);
        var window = Model.PaintSystems.Single().Cure;
        var capacity = material.Density * material.SpecificHeat * point.Thickness;
        const double dt = 0.05;
        double t = 0, x = 0, temperature = 293.15, teq = 0;
        double Rate(double temp) => Math.Exp(-window.ActivationEnergy / 8.314462618 * ((1 / temp) - (1 / window.ReferenceTemperature)));
        while (x < oven.Length)
        {
            var zone = 0;
            var end = oven.Zones[0].Length;
            while (x >= end && zone < oven.Zones.Count - 1)
            {
                zone++;
                end += oven.Zones[zone].Length;
            }

            var air = oven.Zones[zone].Setpoint;
            var k = 2 * oven.Zones[zone].HeatTransferCoefficient * point.ExposureFactor / capacity;
            double F(double temp) => k * (air - temp);
            var k1 = F(temperature);
            var k2 = F(temperature + (0.5 * dt * k1));
            var k3 = F(temperature + (0.5 * dt * k2));
            var k4 = F(temperature + (dt * k3));
            var next = temperature + (dt / 6 * (k1 + (2 * k2) + (2 * k3) + k4));
            teq += 0.5 * dt * (Rate(temperature) + Rate(next));
            temperature = next;
            var moving = conditions.Stops.Any(s => t >= s.Start && t < s.End) ? 0 : 1;
            x += moving * conditions.ConveyorSpeed * dt;
            t += dt;
        }

        return teq;
    }
}
