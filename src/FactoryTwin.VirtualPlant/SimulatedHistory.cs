using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.VirtualPlant;

/// <summary>
/// Runs the plant's simulation as fast as possible, in process, and appends what the virtual plant's gateways would
/// publish — station states, good/scrap counters, buffer levels, body enter/exit events — straight into a telemetry
/// store (a historian), stamped <c>origin + t</c>. Use it to fill a historian with a month of history in seconds, to
/// try fits and reports on data whose true distributions are those of the plant file.
/// </summary>
public static class SimulatedHistory
{
    /// <summary>Items per appended batch.</summary>
    private const int BatchSize = 20_000;

    /// <summary>Simulated seconds per step.</summary>
    private const double Step = 3600;

    /// <summary>Simulates <paramref name="duration"/> of the plant and appends it to <paramref name="store"/>.</summary>
    /// <param name="plant">A validated plant.</param>
    /// <param name="store">The store.</param>
    /// <param name="origin">The instant of simulated second 0; the simulation starts at the site-local week time of this instant.</param>
    /// <param name="duration">How long to simulate; positive.</param>
    /// <param name="seed">The seed of the random streams.</param>
    /// <param name="progress">Receives the simulated seconds done after each step, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels between steps.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    public static async Task<SimulatedHistorySummary> WriteAsync(PlantModel plant, ITelemetryStore store, DateTimeOffset origin, TimeSpan duration, ulong seed, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var local = TimeZoneInfo.ConvertTime(origin, TimeZoneInfo.FindSystemTimeZoneById(plant.Site.TimeZone));
        var simulation = PlantSimulationBuilder.Build(plant, new PlantSimulationOptions { StartDay = local.DayOfWeek, StartTime = TimeOnly.FromDateTime(local.DateTime) });
        var sink = new Sink(origin);
        var run = new LivePlantRun(simulation, seed, sink);
        double end = duration.TotalSeconds;
        long points = 0, parts = 0;
        for (double t = Math.Min(Step, end); ; t = Math.Min(t + Step, end))
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.AdvanceTo(t);
            if (sink.Count >= BatchSize || t >= end)
            {
                points += sink.Points.Count;
                parts += sink.Parts.Count;
                await store.AppendAsync(new TelemetryBatch([.. sink.Points], [.. sink.Parts]), cancellationToken).ConfigureAwait(false);
                sink.Points.Clear();
                sink.Parts.Clear();
            }

            progress?.Report(t);
            if (t >= end)
            {
                break;
            }
        }

        return new SimulatedHistorySummary(origin, origin + duration, points, parts, run.BodiesCreated);
    }

    private sealed class Sink(DateTimeOffset origin) : IPlantTraceSink
    {
        private readonly Dictionary<AssetId, (SeriesId State, SeriesId Good, SeriesId Scrap, SeriesId Level)> _series = [];
        private long _seq;

        public List<SeriesPoint> Points { get; } = [];

        public List<PartEvent> Parts { get; } = [];

        public int Count => Points.Count + Parts.Count;

        public void OnEvent(in PlantTraceEvent e)
        {
            // Microsecond stamps, as the historian stores them.
            var ts = origin.AddTicks((long)Math.Round(e.Time * 1e6) * 10);
            long seq = ++_seq;
            if (!_series.TryGetValue(e.Asset, out var s))
            {
                _series[e.Asset] = s = (SeriesId.Of(e.Asset, SeriesId.StateChannel), SeriesId.Of(e.Asset, SeriesId.GoodChannel), SeriesId.Of(e.Asset, SeriesId.ScrapChannel), SeriesId.Of(e.Asset, SeriesId.LevelChannel));
            }

            switch (e.Kind)
            {
                case PlantTraceKind.State:
                    Points.Add(new SeriesPoint(s.State, ts, (int)e.State, seq));
                    break;
                case PlantTraceKind.Count:
                    Points.Add(new SeriesPoint(s.Good, ts, e.Good, seq));
                    Points.Add(new SeriesPoint(s.Scrap, ts, e.Scrap, seq));
                    break;
                case PlantTraceKind.Level:
                    Points.Add(new SeriesPoint(s.Level, ts, e.Level, seq));
                    break;
                case PlantTraceKind.PartEnter:
                case PlantTraceKind.PartExit:
                    Parts.Add(new PartEvent(e.Asset, ts, e.Kind == PlantTraceKind.PartEnter ? PartEventKind.Enter : PartEventKind.Exit, e.Body!, e.Variant, e.Colour, seq));
                    break;
            }
        }
    }
}
