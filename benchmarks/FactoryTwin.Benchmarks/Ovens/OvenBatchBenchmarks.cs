using BenchmarkDotNet.Attributes;
using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Ovens;

namespace FactoryTwin.Benchmarks.Ovens;

/// <summary>
/// A month of production through the automotive topcoat oven in one batched prediction: 10,000 bodies (one every
/// pitch/speed = 50.8 s) × 20 measurement points (a synthetic style: the sedan's 7 and the SUV's 7 points plus 6 thicker
/// variants), lumped where Bi &lt; 0.1 (Auto: every point here) and 1-D slab (8 cells, Crank–Nicolson) for every point.
/// One operation = the whole month; bodies/s = 10,000 / Mean.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class OvenBatchBenchmarks
{
    private const int Bodies = 10_000;
    private OvenCurePredictor _auto = null!;
    private OvenCurePredictor _slab = null!;
    private OvenConditions _conditions = null!;
    private List<BodyPassage> _bodies = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = RepositoryFiles.Find("samples", "plants", "automotive.yaml");
        var model = PlantLoader.LoadFile(path).Model ?? throw new InvalidOperationException($"cannot load {path}");
        var points = model.BodyStyles.SelectMany(b => b.Points).Select((p, i) => p with { Id = new PointId($"{p.Id}-{i}") }).ToList();
        points.AddRange(points.Take(6).Select((p, i) => p with { Id = new PointId($"extra-{i}"), Thickness = p.Thickness * 2, ExposureFactor = p.ExposureFactor * 0.8 }));
        var style = new BodyStyle(new BodyStyleId("month-20"), "20-point style", points.ToValueList());
        model = model with { BodyStyles = model.BodyStyles.Append(style).ToValueList() };
        var oven = new AssetId("topcoat-oven");
        _auto = new OvenCurePredictor(model, oven, new OvenPredictionOptions { Model = ThermalModelKind.Auto });
        _slab = new OvenCurePredictor(model, oven, new OvenPredictionOptions { Model = ThermalModelKind.Slab });
        _conditions = OvenConditions.AtSetpoints(_auto.Oven);
        var spacing = _auto.Oven.Pitch / _auto.Oven.ConveyorSpeed;
        _bodies = [.. Enumerable.Range(0, Bodies).Select(i => new BodyPassage($"B{i:00000}", style.Id, i * spacing))];
    }

    /// <summary>Auto: lumped wherever the Biot number is small (all 20 points of this style).</summary>
    [Benchmark(Baseline = true)]
    public int MonthLumped() => _auto.PredictBatch(_bodies, _conditions).Count(b => b.Verdict == CureVerdict.Ok);

    /// <summary>Every point through the 1-D slab solver.</summary>
    [Benchmark]
    public int MonthSlab() => _slab.PredictBatch(_bodies, _conditions).Count(b => b.Verdict == CureVerdict.Ok);
}
