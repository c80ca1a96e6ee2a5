using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FactoryTwin.Benchmarks.Telemetry;
using FactoryTwin.Model.Plants;
using FactoryTwin.Telemetry;
using FactoryTwin.Telemetry.Broker;
using FactoryTwin.VirtualPlant;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Benchmarks.VirtualPlant;

/// <summary>
/// The virtual plant's publishers on the automotive plant → the embedded broker (no subscriber). Sensors sampled every
/// 0.1 simulated s and batched per simulated second (the ingestion benchmark's batched load: 15 published sensors ×
/// 10 samples/s × 1000 = 150,000 points/s at 1000×). One op emulates <see cref="SimulatedSeconds"/> at 1000× (paced: the
/// op cannot take less than SimulatedSeconds/1000 wall seconds; it sustains the rate when it takes about that and
/// drops nothing) and as fast as possible (the publishers' ceiling). Each op prints a RATE line with messages/s,
/// points/s and drops.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class VirtualPlantPublishBenchmarks : IDisposable
{
    private EmbeddedBroker _broker = null!;
    private PlantModel _plant = null!;
    private int _port;

    /// <summary>Gets or sets the simulated seconds per op.</summary>
    [Params(600)]
    public double SimulatedSeconds { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _port = 30000 + (Environment.ProcessId % 20000);
        var options = Options.Create(new TelemetryOptions { Port = _port, ClientId = "bench-unused" });
        _broker = new EmbeddedBroker(options, NullLogger<EmbeddedBroker>.Instance);
        _broker.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _plant = TelemetryBenchmarkData.LoadPlant();
    }

    [Benchmark(Baseline = true, Description = "paced 1000x")]
    public VirtualPlantSummary Paced1000x() => Run(1000);

    [Benchmark(Description = "as fast as possible")]
    public VirtualPlantSummary AsFastAsPossible() => Run(0);

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        _broker?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    private VirtualPlantSummary Run(double speed)
    {
        var options = new VirtualPlantOptions
        {
            Speed = speed, Seed = 1, Duration = SimulatedSeconds, Port = _port, SampleInterval = 0.1, BatchInterval = 1,
        };
        var emulator = new VirtualPlantEmulator(_plant, options);
        try
        {
            var summary = emulator.RunAsync(TimeSpan.FromSeconds(120)).GetAwaiter().GetResult();
            var s = summary.Status;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"RATE speed={(speed > 0 ? speed.ToString(CultureInfo.InvariantCulture) : "max")} wall={summary.WallSeconds:F3}s messages={s.Published} points={s.PointsPublished} msg/s={summary.MessagesPerSecond:F0} points/s={summary.PointsPerSecond:F0} dropped={s.Dropped} drained={summary.Drained}"));
            return summary;
        }
        finally
        {
            emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
