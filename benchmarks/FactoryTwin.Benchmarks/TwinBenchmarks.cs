using BenchmarkDotNet.Attributes;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Alarms;
using FactoryTwin.Twin.Assets;
using FactoryTwin.Twin.Feeding;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryTwin.Benchmarks;

/// <summary>
/// Telemetry → twin update: one committed batch of 20,000 points (state, counters and sensor values of every station
/// and oven of the automotive sample, 50 time steps) handed to the twin's observer, which groups it by asset and calls
/// each asset grain of a co-hosted silo once. Baseline: the same points applied to the twins' engine
/// (<see cref="AssetTwin"/>) directly, without Orleans. Goal: at least 100,000 points/s through the grains.
/// Every invocation applies a batch newer than all before it (an iteration setup builds <see cref="BatchesPerIteration"/>
/// fresh batches), so no point takes the cheaper late-data path.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class TwinIngestBenchmarks
{
    private const int Steps = 50;

    /// <summary>The invocations per iteration; each uses one fresh batch.</summary>
    public const int BatchesPerIteration = 32;
    private PlantModel _plant = null!;
    private DateTimeOffset _t0;
    private int _epoch;
    private IHost _host = null!;
    private TwinTelemetryObserver _observer = null!;
    private List<TelemetryBatch> _batches = null!;
    private Dictionary<string, AssetTwin> _engines = null!;
    private Dictionary<string, AssetTelemetry>[] _grouped = null!;
    private string _folder = null!;
    private int _next;

    /// <summary>Gets the points per batch (for points/s = PointsPerBatch / mean time).</summary>
    public int PointsPerBatch { get; private set; }

    /// <summary>Starts a silo with the twin and builds the batches.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var plant = TwinBenchmarkHost.LoadAutomotive();
        _folder = Path.Combine(Path.GetTempPath(), "ft-twin-bench-" + Guid.NewGuid().ToString("N"));
        _host = TwinBenchmarkHost.Start(plant, _folder);
        var index = new PlantIndex(plant);
        _observer = new TwinTelemetryObserver(_host.Services.GetRequiredService<IGrainFactory>(), index, NullLogger<TwinTelemetryObserver>.Instance);

        _plant = plant;
        _t0 = new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
        _engines = [];
        foreach (var (id, info) in index.Assets)
        {
            _engines[id] = new AssetTwin(info, new AssetTwinState(), _t0);
        }

        // Warm every grain up (activation is not what is measured).
        NextBatches();
        _observer.OnCommittedAsync(_batches[0]).AsTask().GetAwaiter().GetResult();
        PointsPerBatch = _batches[0].Points.Count;
    }

    /// <summary>Builds the next iteration's batches, later than everything applied so far.</summary>
    [IterationSetup]
    public void NextBatches()
    {
        _batches = [];
        for (var b = 0; b < BatchesPerIteration; b++)
        {
            _batches.Add(TwinBenchmarkHost.Batch(_plant, _t0.AddMinutes(((_epoch * BatchesPerIteration) + b) * 2), Steps));
        }

        _epoch++;
        _grouped = [.. _batches.Select(batch => _observer.Group(batch).Assets)];
        _next = 0;
    }

    /// <summary>Stops the silo.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The twin engine alone: the batch's points applied to one <see cref="AssetTwin"/> per asset.</summary>
    [Benchmark(Baseline = true)]
    [InvocationCount(BatchesPerIteration)]
    public int EngineOnly()
    {
        var grouped = _grouped[_next++ % _grouped.Length];
        var events = new List<AlarmEvent>();
        var changed = 0;
        foreach (var (asset, telemetry) in grouped)
        {
            changed += _engines[asset].Apply(telemetry, events) ? 1 : 0;
        }

        return changed;
    }

    /// <summary>The batch through the observer and the asset grains of the silo.</summary>
    [Benchmark]
    [InvocationCount(BatchesPerIteration)]
    public Task ThroughGrains() => _observer.OnCommittedAsync(_batches[_next++ % _batches.Count]).AsTask();
}

/// <summary>
/// Memory per asset twin, Orleans included: activates <see cref="Assets"/> asset grains (each with a state, two
/// counters and three sensor values applied) in a co-hosted silo and divides the growth of the GC heap after a full
/// collection by their number. The figure is written to the console as <c>TwinMemory: … bytes per asset twin</c>;
/// the benchmark method itself only reads one twin.
/// </summary>
[MemoryDiagnoser]
public class TwinMemoryBenchmarks
{
    private IHost _host = null!;
    private IGrainFactory _grains = null!;
    private string _folder = null!;

    /// <summary>Gets or sets the number of asset twins activated.</summary>
    [Params(10_000)]
    public int Assets { get; set; }

    /// <summary>Starts a silo and measures.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var plant = TwinBenchmarkHost.LoadAutomotive();
        _folder = Path.Combine(Path.GetTempPath(), "ft-twin-mem-" + Guid.NewGuid().ToString("N"));
        _host = TwinBenchmarkHost.Start(plant, _folder);
        _grains = _host.Services.GetRequiredService<IGrainFactory>();
        var t0 = new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
        Activate(0, 200, t0); // warm-up: code paths, caches, Orleans' own tables
        var before = Heap();
        Activate(200, 200 + Assets, t0);
        var after = Heap();
        var perTwin = (after - before) / (double)Assets;
        Console.WriteLine($"TwinMemory: {Assets} asset twins, heap {before / 1048576.0:F1} MiB -> {after / 1048576.0:F1} MiB, {perTwin:F0} bytes per asset twin");
    }

    /// <summary>Stops the silo.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Reads one twin (keeps the activations referenced while the figure is read).</summary>
    [Benchmark]
    public Task<AssetTwinView> ReadOne() => _grains.GetGrain<IAssetTwinGrain>("asset-200").GetViewAsync();

    private void Activate(int from, int to, DateTimeOffset t0)
    {
        const int Parallel = 256;
        var pending = new List<Task>(Parallel);
        for (var i = from; i < to; i++)
        {
            var telemetry = new AssetTelemetry(
                [
                    new TwinPoint(SeriesId.StateChannel, t0, (int)StationState.Working),
                    new TwinPoint(SeriesId.GoodChannel, t0, 100),
                    new TwinPoint(SeriesId.ScrapChannel, t0, 1),
                    new TwinPoint("temperature", t0, 300.15),
                    new TwinPoint("pressure", t0, 101325),
                    new TwinPoint("vibration", t0, 0.01),
                ],
                []);
            pending.Add(_grains.GetGrain<IAssetTwinGrain>("asset-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ApplyAsync(telemetry));
            if (pending.Count == Parallel)
            {
                Task.WhenAll(pending).GetAwaiter().GetResult();
                pending.Clear();
            }
        }

        Task.WhenAll(pending).GetAwaiter().GetResult();
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>Shared set-up of the twin benchmarks.</summary>
internal static class TwinBenchmarkHost
{
    public static PlantModel LoadAutomotive()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FactoryTwin.slnx")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("The repository root was not found."), "samples", "plants", "automotive.yaml");
        return PlantLoader.LoadFile(path).Model ?? throw new InvalidOperationException($"{path} did not load.");
    }

    public static IHost Start(PlantModel plant, string folder)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(plant);
        builder.UseOrleans(silo => silo.UseLocalhostClustering());
        builder.AddFactoryTwin(o =>
        {
            o.DataFolder = folder;
            o.PersistInterval = TimeSpan.FromMinutes(10);
            o.EvaluationInterval = TimeSpan.FromMinutes(10);
        });
        var host = builder.Build();
        host.Start();
        return host;
    }

    /// <summary>Every station and oven: state, good and scrap counters and its sensors, at each of <paramref name="steps"/> seconds.</summary>
    public static TelemetryBatch Batch(PlantModel plant, DateTimeOffset t0, int steps)
    {
        var points = new List<SeriesPoint>();
        var sensorsOf = plant.Sensors.GroupBy(s => s.Asset.Value).ToDictionary(g => g.Key, g => g.Select(s => s.Id.Value).ToArray());
        long seq = 0;
        for (var step = 0; step < steps; step++)
        {
            var t = t0.AddSeconds(step * 60.0 / steps);
            foreach (var line in plant.Lines())
            {
                foreach (var station in line.Stations)
                {
                    var asset = station.Id;
                    points.Add(new SeriesPoint(SeriesId.Of(asset, SeriesId.StateChannel), t, step % 7 == 0 ? (int)StationState.Starved : (int)StationState.Working, seq++));
                    points.Add(new SeriesPoint(SeriesId.Of(asset, SeriesId.GoodChannel), t, (t - t0).TotalSeconds + (t0.ToUnixTimeSeconds() / 60), seq++));
                    points.Add(new SeriesPoint(SeriesId.Of(asset, SeriesId.ScrapChannel), t, t0.ToUnixTimeSeconds() / 3600, seq++));
                    foreach (var sensor in sensorsOf.GetValueOrDefault(asset.Value, []))
                    {
                        points.Add(new SeriesPoint(SeriesId.Of(asset, sensor), t, 450 + (step % 5), seq++));
                    }
                }
            }
        }

        // Pad with extra sensor-like channels so a batch carries about 20,000 points, as a busy ingestion commit does.
        var stations = plant.Lines().SelectMany(l => l.Stations).Select(s => s.Id).ToArray();
        for (var i = 0; points.Count < 20_000; i++)
        {
            var asset = stations[i % stations.Length];
            points.Add(new SeriesPoint(SeriesId.Of(asset, "aux-" + (i / stations.Length % 8).ToString(System.Globalization.CultureInfo.InvariantCulture)), t0.AddSeconds(i / stations.Length / 8 * 0.5), i, seq++));
        }

        return new TelemetryBatch(points, []);
    }
}
