using System.Globalization;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Ovens;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Plant.Tests.Simulation;

/// <summary>
/// The topcoat oven of the automotive sample routes bodies whose predicted cure misses the window to the repaint
/// queue. At its setpoints both body styles cure with 17–19 % margin; 5 K lower in the heated zones the SUV's
/// B-pillar reinforcement misses the minimum time above threshold while the sedan still cures (the predictor's own
/// figures, checked in <see cref="Predictor_FiveKelvinLow_UnderCuresTheSuvOnly"/>). The oven's burner trips are
/// removed so that only the setpoints decide (a stop of the conveyor over-bakes the bodies inside).
/// </summary>
public sealed class CureRoutingTests
{
    private static readonly AssetId TopcoatOven = new("topcoat-oven");
    private static readonly AssetId RepaintQueue = new("repaint-queue");

    private static readonly Lazy<PlantModel> s_nominal = new(() => Plant(0));
    private static readonly Lazy<PlantModel> s_low = new(() => Plant(5));

    /// <summary>
    /// Nominal setpoints; the topcoat oven's conveyor stops often and long: the whole oven, every body inside standing
    /// still, about every 3 h of calendar time for 40 min (lognormal, cv 0.3), down about 18 % of the time.
    /// </summary>
    private static readonly Lazy<PlantModel> s_stopping = new(() => Plant(0, StopFailure));

    /// <summary>The same stops, but the oven does not judge cure: every body goes on (what the stops cost in capacity alone).</summary>
    private static readonly Lazy<PlantModel> s_stoppingUnjudged = new(() => Plant(0, StopFailure, cureRework: false));

    private const string StopFailure = "{ name: conveyor stop, timeBetween: { dist: exponential, mean: 3 h }, timeToRepair: { dist: lognormal, mean: 40 min, cv: 0.3 }, basis: calendar }";

    /// <summary>
    /// The automotive sample without topcoat-oven failures and with its heated zones <paramref name="drop"/> kelvin lower;
    /// with <paramref name="ovenFailure"/>, the topcoat oven gets that failure mode (a YAML flow mapping) instead; without
    /// <paramref name="cureRework"/> it does not route by cure at all.
    /// </summary>
    private static PlantModel Plant(double drop, string? ovenFailure = null, bool cureRework = true)
    {
        var yaml = File.ReadAllText(TestPlants.PathOf("automotive.yaml"));
        var trip = "              - { name: burner trip, timeBetween: { dist: exponential, mean: 80 h }, timeToRepair: { dist: lognormal, mean: 30 min, cv: 0.6 }, basis: calendar }\n            oven:\n              conveyorSpeed: 6.5 m/min\n              pitch: 5.5 m\n              paintSystem: topcoat";
        Assert.Contains(trip, yaml, StringComparison.Ordinal);
        var failures = ovenFailure is null ? "" : "            failures:\n              - " + ovenFailure + "\n";
        yaml = yaml.Replace("            failures:\n" + trip, failures + "            oven:\n              conveyorSpeed: 6.5 m/min\n              pitch: 5.5 m\n              paintSystem: topcoat", StringComparison.Ordinal);
        foreach (var (zone, setpoint) in new[] { ("z1", 155), ("z2", 155), ("z3", 150), ("z4", 145) })
        {
            var find = $"{{ id: {zone}, length: {(zone == "z2" || zone == "z4" ? 45 : zone == "z1" ? 40 : 50)} m, setpoint: {setpoint} degC, heatTransfer: ";
            Assert.Contains(find, yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(find, find.Replace($"setpoint: {setpoint} degC", string.Create(CultureInfo.InvariantCulture, $"setpoint: {setpoint - drop} degC"), StringComparison.Ordinal), StringComparison.Ordinal);
        }

        if (!cureRework)
        {
            const string Route = "              cureRework: repaint-queue\n";
            Assert.Contains(Route, yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(Route, "", StringComparison.Ordinal);
        }

        return TestPlants.Parse(yaml);
    }

    [Fact]
    public void Predictor_FiveKelvinLow_UnderCuresTheSuvOnly()
    {
        Assert.Equal((CureVerdict.Ok, CureVerdict.Ok), Verdicts(s_nominal.Value));
        Assert.Equal((CureVerdict.Ok, CureVerdict.UnderCured), Verdicts(s_low.Value));
    }

    [Fact]
    public void Run_SetpointsTooLow_ReworkRisesAndAssemblyOutputFalls()
    {
        var options = new PlantRunOptions { Seed = 5, WarmUp = 4 * 3600, Duration = 24 * 3600, Replications = 2 };
        var nominal = PlantSimulationBuilder.Build(s_nominal.Value).Run(options, cancellationToken: TestContext.Current.CancellationToken);
        var low = PlantSimulationBuilder.Build(s_low.Value).Run(options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(nominal.Results, r => Assert.Equal(0, r.Station(TopcoatOven.Value).Reworked));
        Assert.All(low.Results, r => Assert.True(r.Station(TopcoatOven.Value).Reworked > 50, $"{r.Station(TopcoatOven.Value).Reworked} reworked"));
        var assembly = new LineId("assembly");
        Assert.True(
            low.Line(assembly).Output.Mean < 0.8 * nominal.Line(assembly).Output.Mean,
            $"assembly output {low.Line(assembly).Output.Mean} low vs {nominal.Line(assembly).Output.Mean} nominal");
    }

    [Fact]
    public void LivePlantRun_SetpointsTooLow_EveryBodyRoutedByItsPredictedVerdict()
    {
        var sink = new ListSink();
        var run = new LivePlantRun(PlantSimulationBuilder.Build(s_low.Value), 3, sink);
        run.AdvanceTo(12 * 3600);

        var exits = sink.Events.Where(e => e.Kind == PlantTraceKind.PartExit && e.Asset == TopcoatOven).ToList();
        Assert.True(exits.Count > 100, $"{exits.Count} bodies left the oven");
        var repainted = 0;
        foreach (var e in exits)
        {
            var expected = e.Variant == new VariantId("suv") ? CureVerdict.UnderCured : CureVerdict.Ok;
            Assert.Equal((expected, expected == CureVerdict.Ok ? null : RepaintQueue), (e.Cure, e.Route));
            // Where it shows up next (a body still waiting in the rework lane in front of the full repaint queue at the end has not).
            var next = sink.Events.Where(n => n.Kind == PlantTraceKind.PartEnter && n.Body == e.Body && n.Time >= e.Time && n.Asset != TopcoatOven).Select(n => (AssetId?)n.Asset).FirstOrDefault();
            if (next is { } asset)
            {
                Assert.Equal(expected == CureVerdict.Ok ? new AssetId("inspection") : RepaintQueue, asset);
                repainted += expected == CureVerdict.Ok ? 0 : 1;
            }
        }

        Assert.True(repainted > 20, $"{repainted} bodies seen entering the repaint queue");

        // Nothing else carries a verdict; no SUV ever reaches assembly.
        Assert.All(sink.Events.Where(e => e.Asset != TopcoatOven || e.Kind != PlantTraceKind.PartExit), e => Assert.Null(e.Cure));
        Assert.DoesNotContain(sink.Events, e => e.Asset == new AssetId("pbs") && e.Variant == new VariantId("suv"));
    }

    [Fact]
    public void LivePlantRun_ColdZoneFed_BodiesThroughItGoToRepaintOthersGoOn()
    {
        // Nominal setpoints; zone 3's measured air falls 30 K at 6 h and stays there. A body that left before 6 h is
        // fine; one that entered after the air settled (about 5 min) is under-cured whatever its style.
        var plant = s_nominal.Value;
        var oven = ((Station)plant.FindElement(TopcoatOven)!).Oven!;
        var sink = new ListSink();
        var run = new LivePlantRun(PlantSimulationBuilder.Build(plant), 3, sink);
        double cold = 6 * 3600;
        for (double t = 0; t < 12 * 3600; t += 30)
        {
            run.AdvanceTo(t);
            for (var z = 0; z < oven.Zones.Count; z++)
            {
                var air = oven.Zones[z].Setpoint - (z == 2 && t >= cold ? 30 * (1 - Math.Exp(-(t - cold) / 60)) : 0);
                Assert.True(run.RecordZoneAir(oven.Zones[z].Sensor, t, air));
            }
        }

        Assert.False(run.RecordZoneAir(new SensorId("ecoat-oven-z1-air"), 12 * 3600, 400)); // that oven does not route by cure
        var entered = sink.Events.Where(e => e.Kind == PlantTraceKind.PartEnter && e.Asset == TopcoatOven).GroupBy(e => e.Body).ToDictionary(g => g.Key!, g => g.Max(e => e.Time));
        var exits = sink.Events.Where(e => e.Kind == PlantTraceKind.PartExit && e.Asset == TopcoatOven).ToList();
        var before = exits.Where(e => e.Time < cold).ToList();
        var after = exits.Where(e => entered[e.Body!] > cold + 600).ToList();
        Assert.NotEmpty(before);
        Assert.NotEmpty(after);
        Assert.All(before, e => Assert.Equal((CureVerdict.Ok, (AssetId?)null), (e.Cure, e.Route)));
        Assert.All(after, e => Assert.Equal((CureVerdict.UnderCured, RepaintQueue), (e.Cure, e.Route)));
    }

    [Fact]
    public void Run_OvenConveyorStops_OverBakedBodiesReworkedAndAssemblyOutputFalls()
    {
        // Common random numbers: the same seed and replications for every plant. The oven's failures draw from its own
        // streams, so the other stations see the same failures; each replication is compared with its own pair.
        var options = new PlantRunOptions { Seed = 11, WarmUp = 4 * 3600, Duration = 24 * 3600, Replications = 20 };
        var smooth = Run(s_nominal.Value, options);
        var stopping = Run(s_stopping.Value, options);
        var unjudged = Run(s_stoppingUnjudged.Value, options);

        Assert.All(smooth.Result.Results, r => Assert.Equal(0, r.Station(TopcoatOven.Value).Reworked));
        Assert.All(unjudged.Result.Results, r => Assert.Equal(0, r.Station(TopcoatOven.Value).Reworked));
        Assert.All(stopping.Result.Results, r => Assert.True(r.Station(TopcoatOven.Value).Reworked > 0, $"{r.Station(TopcoatOven.Value).Reworked} reworked"));
        Assert.True(stopping.Result.Summarize(r => r.Station(TopcoatOven.Value).Reworked).Mean > 50);

        // Against no stops: the whole cost of the stops. Against the same stops unjudged: what the over-baked bodies
        // sent to repaint cost on top of the slots the stops hold.
        var (total, totalSe) = PairedLoss(smooth, stopping);
        var (cure, cureSe) = PairedLoss(unjudged, stopping);
        var figures = string.Create(
            CultureInfo.InvariantCulture,
            $"assembly output per 24 h: {smooth.Result.Line(Assembly).Output.Mean:F1} without stops, {unjudged.Result.Line(Assembly).Output.Mean:F1} with stops unjudged, {stopping.Result.Line(Assembly).Output.Mean:F1} with stops judged; paired loss {total:F1} ± {totalSe:F1} (se) against no stops, {cure:F1} ± {cureSe:F1} against the stops unjudged; reworked at the oven {stopping.Result.Summarize(r => r.Station(TopcoatOven.Value).Reworked).Mean:F1}");
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
        Assert.True(total > 3 * totalSe && total > 0, figures);
        Assert.True(cure > 3 * cureSe && cure > 0, figures);
    }

    [Fact]
    public void LivePlantRun_OvenConveyorStops_OverBakedBodiesGoToRepaint()
    {
        var sink = new ListSink();
        var run = new LivePlantRun(PlantSimulationBuilder.Build(s_stopping.Value), 3, sink);
        run.AdvanceTo(12 * 3600);

        // At the setpoints every body cures; only a stop (a body standing in the heated zones) can send one off.
        var exits = sink.Events.Where(e => e.Kind == PlantTraceKind.PartExit && e.Asset == TopcoatOven).ToList();
        var overBaked = exits.Where(e => e.Cure != CureVerdict.Ok).ToList();
        Assert.True(overBaked.Count > 10, $"{overBaked.Count} of {exits.Count} bodies left the oven off the window");
        Assert.All(overBaked, e => Assert.Equal((CureVerdict.OverBaked, (AssetId?)RepaintQueue), (e.Cure, e.Route)));
        Assert.All(exits.Where(e => e.Cure == CureVerdict.Ok), e => Assert.Null(e.Route));
        var repainted = 0;
        foreach (var e in overBaked)
        {
            var next = sink.Events.Where(n => n.Kind == PlantTraceKind.PartEnter && n.Body == e.Body && n.Time >= e.Time && n.Asset != TopcoatOven).Select(n => (AssetId?)n.Asset).FirstOrDefault();
            if (next is { } asset)
            {
                Assert.Equal(RepaintQueue, asset);
                repainted++;
            }
        }

        Assert.True(repainted > 5, $"{repainted} over-baked bodies seen entering the repaint queue");
    }

    [Fact]
    public void Router_StopOfFifteenMinutes_OverBakesAsThePredictorSays()
    {
        var simulation = PlantSimulationBuilder.Build(TestPlants.Automotive);
        var router = simulation.CureRouters[TopcoatOven];
        var direct = router.Predictor.Predict(
            new BodyPassage("b", new BodyStyleId("sedan"), 0),
            OvenConditions.AtSetpoints(router.Predictor.Oven).WithStops(new ConveyorStop(600, 900)));

        Assert.Equal(CureVerdict.OverBaked, direct.Verdict);
        Assert.Equal(direct.Verdict, router.Judge(0, 600, 900));
        Assert.Equal(CureVerdict.Ok, router.Judge(0, 0, 0));
        Assert.False(simulation.CureRouters.ContainsKey(new AssetId("ecoat-oven")));
    }

    private static readonly LineId Assembly = new("assembly");

    private static (PlantSimulation Simulation, PlantSimulationResult Result) Run(PlantModel plant, PlantRunOptions options)
    {
        var simulation = PlantSimulationBuilder.Build(plant);
        return (simulation, simulation.Run(options, cancellationToken: TestContext.Current.CancellationToken));
    }

    /// <summary>The mean over replications of a's assembly output less b's, with its standard error (paired differences).</summary>
    private static (double Mean, double StandardError) PairedLoss(
        (PlantSimulation Simulation, PlantSimulationResult Result) a,
        (PlantSimulation Simulation, PlantSimulationResult Result) b)
    {
        int line = a.Simulation.Lines.IndexOf(a.Simulation.Line(Assembly));
        Assert.Equal(line, b.Simulation.Lines.IndexOf(b.Simulation.Line(Assembly)));
        int n = a.Result.Replications;
        var d = new double[n];
        for (var i = 0; i < n; i++)
        {
            d[i] = a.Simulation.LineGood(a.Result.Results[i], line) - b.Simulation.LineGood(b.Result.Results[i], line);
        }

        double mean = d.Average();
        double sd = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        return (mean, sd / Math.Sqrt(n));
    }

    private static (CureVerdict Sedan, CureVerdict Suv) Verdicts(PlantModel plant)
    {
        var predictor = new OvenCurePredictor(plant, TopcoatOven);
        var r = predictor.PredictBatch(
            [new BodyPassage("s", new BodyStyleId("sedan"), 0), new BodyPassage("u", new BodyStyleId("suv"), 0)],
            OvenConditions.AtSetpoints(predictor.Oven),
            cancellationToken: TestContext.Current.CancellationToken);
        return (r[0].Verdict, r[1].Verdict);
    }

    private sealed class ListSink : IPlantTraceSink
    {
        public List<PlantTraceEvent> Events { get; } = [];

        public void OnEvent(in PlantTraceEvent traceEvent) => Events.Add(traceEvent);
    }
}
