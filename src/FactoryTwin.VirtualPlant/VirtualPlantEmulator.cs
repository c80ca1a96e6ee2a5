using System.Collections.Immutable;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Plant.Releases;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.VirtualPlant.Publishing;
using FactoryTwin.VirtualPlant.Releases;
using FactoryTwin.VirtualPlant.Scenarios;
using FactoryTwin.VirtualPlant.Sensors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryTwin.VirtualPlant;

/// <summary>
/// The virtual plant: runs one replication of the plant's simulation paced to the wall clock and publishes what
/// real gateways would — station states, good/scrap counters, body enter/exit events, batched sensor values — over
/// MQTT, one client per gateway of the plant file, each only under the topics of its own lines. It can write the
/// ground truth of everything it simulated. One instance runs once (<see cref="RunAsync"/>); <see cref="Status"/> may be
/// read from any thread while it runs.
/// </summary>
/// <remarks>
/// Timestamps: an event at simulated second t is stamped <c>start + t / speed</c> (its wall-clock due time), so a
/// subscriber that checks timestamps against its clock accepts them at any speed. As fast as possible (speed 0) with a
/// duration D, the stamps are <c>start − D/1000 + t/1000</c> (as at 1000×, ending at the start), so none is in the
/// future; without a duration, speed 0 runs at most 1000× ahead of the wall clock. With
/// <see cref="VirtualPlantOptions.StampPlantTime"/> the stamps are plant time instead: <c>ReplayOrigin + t</c>.
/// </remarks>
public sealed partial class VirtualPlantEmulator : IAsyncDisposable
{
    /// <summary>Wall-clock time between two pacing steps.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    /// <summary>Simulated seconds per step as fast as possible.</summary>
    private const double FastStep = 60;

    private readonly PlantModel _plant;
    private readonly VirtualPlantOptions _options;
    private readonly Scenario _scenario;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PlantSimulation _simulation;
    private readonly Dictionary<GatewayId, GatewayPublisher> _publishers = [];
    private readonly Dictionary<LineId, GatewayPublisher> _lineGateway = [];
    private readonly Dictionary<AssetId, string[]> _topics = [];
    private readonly List<SensorSignal> _signals;
    private readonly Dictionary<AssetId, List<MeasureSample>> _batches = [];
    private readonly Dictionary<AssetId, GatewayPublisher> _batchPublishers = [];
    private readonly string[] _signalLines;
    private readonly List<MeasureSample>?[] _signalBatches;
    private readonly Payloads _payloads = new();
    private readonly List<Pending> _disturbances = [];
    private NoiseStream _disturbanceRng;
    private readonly ScheduledRelease _release;
    private GroundTruthWriter? _groundTruth;
    private LivePlantRun? _run;
    private DateTimeOffset _tsOrigin;
    private double _tsSpeed = 1;
    private DateTimeOffset _simOrigin;
    private double _simNow;
    private int _injected;
    private readonly Lock _holdGate = new();
    private double _holdAt = double.PositiveInfinity;
    private TaskCompletionSource<DateTimeOffset>? _held;
    private TaskCompletionSource? _resume;
    private readonly TaskCompletionSource _simulated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;
    private volatile bool _running;
    private volatile bool _stamping;

    /// <summary>Creates the emulator of <paramref name="plant"/>; nothing connects before <see cref="RunAsync"/>.</summary>
    /// <param name="plant">A validated plant model.</param>
    /// <param name="options">Speed, seed, broker, batching, buffering, ground truth.</param>
    /// <param name="scenario">Disturbances to inject, or <see langword="null"/> for none.</param>
    /// <param name="time">The wall clock, or <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">The logger, or <see langword="null"/>.</param>
    /// <exception cref="InvalidOperationException">The plant cannot be simulated.</exception>
    public VirtualPlantEmulator(PlantModel plant, VirtualPlantOptions options, Scenario? scenario = null, TimeProvider? time = null, ILogger<VirtualPlantEmulator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(options);
        var problems = VirtualPlantOptionsValidator.Check(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _plant = plant;
        _options = options;
        _scenario = scenario ?? Scenario.None;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _simulation = PlantSimulationBuilder.Build(plant, SimulationStart(plant, options, _time));
        foreach (var gateway in plant.Gateways)
        {
            var publisher = new GatewayPublisher(gateway.Id, options, _time, _logger);
            _publishers[gateway.Id] = publisher;
            foreach (var line in gateway.Lines)
            {
                _lineGateway.TryAdd(line, publisher);
            }
        }

        foreach (var line in plant.Lines())
        {
            foreach (var e in line.Elements())
            {
                string prefix = $"factorytwin/v1/{plant.Site.Id.Value}/{line.Id.Value}/{e.Id.Value}/";
                _topics[e.Id] = [prefix + "state", prefix + "count", prefix + "measure", prefix + "part"];
            }
        }

        _signals = options.SampleInterval > 0 ? SensorSignal.ForPlant(plant, options.Seed) : [];
        _signalLines = new string[_signals.Count];
        _signalBatches = new List<MeasureSample>?[_signals.Count];
        for (int i = 0; i < _signals.Count; i++)
        {
            var asset = _signals[i].Sensor.Asset;
            var line = plant.LineOf(asset)?.Id;
            _signalLines[i] = line?.Value ?? string.Empty;
            if (line is { } l && _lineGateway.ContainsKey(l))
            {
                if (!_batches.TryGetValue(asset, out var batch))
                {
                    _batches[asset] = batch = [];
                    _batchPublishers[asset] = _lineGateway[l];
                }

                _signalBatches[i] = batch;
            }
        }
        _disturbanceRng = new NoiseStream(options.Seed, 0x5CE4A210);
        _release = new ScheduledRelease(plant, Stamp, SecondOf, _logger);
        if (options.StampPlantTime)
        {
            // The start week time is whole seconds: round away the clock's fraction and the floating-point residue.
            var origin = SimulatedOrigin(_time.GetUtcNow().AddTicks(-(long)(options.Duration!.Value * TimeSpan.TicksPerSecond)));
            ReplayOrigin = new DateTimeOffset((origin.UtcTicks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Gets the instant of simulated second 0 when <see cref="VirtualPlantOptions.StampPlantTime"/> is set (every
    /// message is then stamped <c>ReplayOrigin + t</c>), else <see langword="null"/>.
    /// </summary>
    public DateTimeOffset? ReplayOrigin { get; }

    /// <summary>
    /// Holds the run when it reaches simulated second <paramref name="simulatedSeconds"/>: everything simulated up to
    /// then is published (the gateways' buffers drained), then the run waits for <see cref="Resume"/>. Call it before the
    /// run reaches that time; one hold at a time. A hold the run does not reach (at or after its end, or the run is
    /// stopped first) is cancelled when the simulation ends.
    /// </summary>
    /// <param name="simulatedSeconds">Simulated seconds since the start.</param>
    /// <returns>A task that completes with the simulated plant time of the hold once the run holds there.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The run is already at or past that time.</exception>
    /// <exception cref="InvalidOperationException">Another hold is pending.</exception>
    public Task<DateTimeOffset> HoldAtAsync(double simulatedSeconds)
    {
        lock (_holdGate)
        {
            if (!(simulatedSeconds > Volatile.Read(ref _simNow)) || !double.IsFinite(simulatedSeconds))
            {
                throw new ArgumentOutOfRangeException(nameof(simulatedSeconds), simulatedSeconds, "The run is already at or past this simulated time.");
            }

            if (_held is not null || _resume is not null)
            {
                throw new InvalidOperationException("A hold is already pending; resume it first.");
            }

            _held = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _holdAt, simulatedSeconds);
            return _held.Task;
        }
    }

    /// <summary>Lets a run held by <see cref="HoldAtAsync"/> go on; does nothing when it is not holding.</summary>
    public void Resume()
    {
        TaskCompletionSource? resume;
        lock (_holdGate)
        {
            resume = _resume;
            _resume = null;
        }

        resume?.TrySetResult();
    }

    /// <summary>Gets a task that completes when the run stops creating messages (before the buffers drain).</summary>
    internal Task Simulated => _simulated.Task;

    /// <summary>
    /// Gets the latest timestamp a message of the run may carry so far (the stamp of the simulated time reached), or
    /// <see cref="DateTimeOffset.MinValue"/> before the run starts. Between two pacing steps the messages being created
    /// may be up to one step later; once <see cref="Simulated"/> has completed it is final.
    /// </summary>
    internal DateTimeOffset StampedUpTo => _stamping ? Stamp(Volatile.Read(ref _simNow)) : DateTimeOffset.MinValue;

    /// <summary>Gets each gateway's next sequence number; readable from any thread.</summary>
    /// <returns>The next <c>seq</c> by gateway.</returns>
    internal Dictionary<GatewayId, long> NextSequences()
    {
        var next = new Dictionary<GatewayId, long>(_publishers.Count);
        foreach (var (id, publisher) in _publishers)
        {
            next[id] = publisher.NextSeq;
        }

        return next;
    }

    /// <summary>
    /// Makes each listed gateway's counter start at the given sequence number instead of 0 (a restart that continues
    /// them); gateways not listed start at 0. Call it before <see cref="RunAsync"/>.
    /// </summary>
    /// <param name="next">The first <c>seq</c> by gateway; ids that are not gateways of the plant are ignored.</param>
    /// <exception cref="InvalidOperationException">The run has started.</exception>
    internal void StartSequencesAt(IReadOnlyDictionary<GatewayId, long> next)
    {
        if (Volatile.Read(ref _started) != 0)
        {
            throw new InvalidOperationException("The sequence numbers are set before the run starts.");
        }

        foreach (var (id, seq) in next)
        {
            if (_publishers.TryGetValue(id, out var publisher))
            {
                publisher.StartSeqAt(seq);
            }
        }
    }

    /// <summary>
    /// Releases bodies by <paramref name="schedule"/> instead of the random mix, from the next body on (see
    /// <see cref="ReleaseSchedule"/>); <see langword="null"/> returns to the mix. May be called from any thread, before or
    /// while the plant runs. Each body released for an order carries the order id in the ground truth.
    /// </summary>
    /// <param name="schedule">The schedule, with the bodies each order already has, or <see langword="null"/>.</param>
    public void UseSchedule(ReleaseSchedule? schedule) => _release.Use(schedule);

    /// <summary>Gets the bodies released per order of the schedule in use (<see cref="UseSchedule"/>), before and in this run.</summary>
    public IReadOnlyDictionary<string, int> ReleasedByOrder => _release.Released;

    /// <summary>Gets the plant simulation being emulated.</summary>
    public PlantSimulation Simulation => _simulation;

    /// <summary>Gets the live counters.</summary>
    public VirtualPlantStatus Status
    {
        get
        {
            var gateways = ImmutableArray.CreateBuilder<GatewayStatus>(_publishers.Count);
            long messages = 0, published = 0, points = 0, buffered = 0, dropped = 0, refused = 0;
            foreach (var p in _publishers.Values)
            {
                var s = p.Status();
                gateways.Add(s);
                messages += s.Messages;
                published += s.Published;
                points += s.PointsPublished;
                buffered += s.Buffered;
                dropped += s.Dropped;
                refused += p.Refused;
            }

            double now = Volatile.Read(ref _simNow);
            return new VirtualPlantStatus(_running, now, _simOrigin.AddTicks((long)(now * TimeSpan.TicksPerSecond)), messages, published, points, buffered, dropped, refused, gateways.MoveToImmutable());
        }
    }

    /// <summary>
    /// Runs the plant until <see cref="VirtualPlantOptions.Duration"/> (or until cancelled), then waits for the gateways'
    /// buffers to drain (at most <paramref name="drainTimeout"/>, default 30 s) and disconnects.
    /// </summary>
    /// <param name="drainTimeout">How long to wait at the end for buffered messages to be published.</param>
    /// <param name="cancellationToken">Stops the run (the buffers still get the drain time).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="InvalidOperationException">The emulator already ran.</exception>
    public async Task<VirtualPlantSummary> RunAsync(TimeSpan? drainTimeout = null, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A virtual plant runs once; create another one.");
        }

        long wallStart = _time.GetTimestamp();
        Begin();
        _running = true;
        foreach (var line in _plant.Lines())
        {
            if (!_lineGateway.ContainsKey(line.Id))
            {
                Log.LineWithoutGateway(_logger, line.Id.Value);
            }
        }

        try
        {
            await SimulateAsync(wallStart, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopped: publish what is buffered
        }
        finally
        {
            // No message is created after this: the sequence numbers and the latest stamp are final.
            _simulated.TrySetResult();
            _groundTruth?.Dispose();
            lock (_holdGate)
            {
                // A hold the run did not reach (at or after its end, or stopped before) never will.
                _held?.TrySetCanceled(CancellationToken.None);
                _held = null;
                Volatile.Write(ref _holdAt, double.PositiveInfinity);
            }
        }

        bool drained = true;
        using (var drain = new CancellationTokenSource(drainTimeout ?? TimeSpan.FromSeconds(30), _time))
        {
            try
            {
                foreach (var p in _publishers.Values)
                {
                    await p.DrainAsync(drain.Token);
                }
            }
            catch (OperationCanceledException)
            {
                drained = false;
            }
        }

        foreach (var p in _publishers.Values)
        {
            await p.StopAsync();
        }

        _running = false;
        var status = Status;
        double wall = _time.GetElapsedTime(wallStart).TotalSeconds;
        Log.Stopped(_logger, status.SimulatedSeconds, status.Published, status.Dropped);
        return new VirtualPlantSummary(
            status,
            wall,
            wall > 0 ? status.Published / wall : 0,
            wall > 0 ? status.PointsPublished / wall : 0,
            _groundTruth?.Events ?? 0,
            _injected,
            drained);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var p in _publishers.Values)
        {
            await p.DisposeAsync();
        }

        _payloads.Dispose();
        _groundTruth?.Dispose();
    }

    private void Begin()
    {
        var now = _time.GetUtcNow();
        _simOrigin = ReplayOrigin ?? SimulatedOrigin(now);
        if (ReplayOrigin is { } origin)
        {
            _tsSpeed = 1;
            _tsOrigin = origin;
        }
        else if (_options.Speed > 0)
        {
            _tsSpeed = _options.Speed;
            _tsOrigin = now;
        }
        else
        {
            _tsSpeed = VirtualPlantOptions.MaxPacedSpeed;
            _tsOrigin = _options.Duration is { } d ? now.AddTicks(-(long)(d / _tsSpeed * TimeSpan.TicksPerSecond)) : now;
        }

        _stamping = true;
        if (_options.GroundTruthFile is { } path)
        {
            _groundTruth = new GroundTruthWriter(path, _simOrigin);
        }

        foreach (var p in _publishers.Values)
        {
            p.Start();
        }

        Log.Started(_logger, _plant.Site.Id.Value, SpeedText(), _options.Seed, _publishers.Count, _options.Host, _options.Port);
        ScheduleDisturbances();
        _run = new LivePlantRun(_simulation, _options.Seed, new TraceSink(this), releasePlan: _release);
    }

    /// <summary>
    /// The speed the plant runs at against real time, for the log: <see cref="VirtualPlantOptions.Speed"/> of the clock it
    /// is given, times that clock's own speed when it is a scaled one (the server paces the virtual plant at 1× of its
    /// plant clock, which runs at <c>VirtualPlant:Speed</c>).
    /// </summary>
    private string SpeedText()
    {
        if (_options.Speed <= 0)
        {
            return "max";
        }

        var speed = _time is ScaledTimeProvider scaled ? _options.Speed * scaled.Speed : _options.Speed;
        return speed.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "x";
    }

    /// <summary>Where simulated time 0 lies in the week: the clock's now when aligned, else the configured start.</summary>
    private static PlantSimulationOptions SimulationStart(PlantModel plant, VirtualPlantOptions options, TimeProvider time)
    {
        if (!options.AlignToClock)
        {
            return new PlantSimulationOptions { StartTime = options.StartTime };
        }

        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(plant.Site.TimeZone));
        return new PlantSimulationOptions { StartDay = local.DayOfWeek, StartTime = TimeOnly.FromDateTime(local.DateTime) };
    }

    /// <summary>The last UTC instant, at or before <paramref name="now"/>, whose local week time in the site's zone is the simulation's start.</summary>
    private DateTimeOffset SimulatedOrigin(DateTimeOffset now)
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(_plant.Site.TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
        }

        // In whole ticks: seconds as doubles lose a tick here and there, and the origin must be the start to the tick.
        var local = TimeZoneInfo.ConvertTime(now, zone);
        long week = 7 * TimeSpan.TicksPerDay;
        long weekTime = ((((int)local.DayOfWeek + 6) % 7) * TimeSpan.TicksPerDay) + local.TimeOfDay.Ticks;
        long start = (long)Math.Round(_simulation.StartWeekTime * TimeSpan.TicksPerSecond);
        long back = (((weekTime - start) % week) + week) % week;
        return now.AddTicks(-back);
    }

    private DateTimeOffset Stamp(double t) => _tsOrigin.AddTicks((long)Math.Round(t / _tsSpeed * TimeSpan.TicksPerSecond));

    /// <summary>The simulated second <see cref="Stamp"/> gives <paramref name="instant"/> for.</summary>
    private double SecondOf(DateTimeOffset instant) => (instant - _tsOrigin).Ticks / (double)TimeSpan.TicksPerSecond * _tsSpeed;

    /// <summary>A disturbance's next occurrence.</summary>
    private sealed class Pending(Disturbance disturbance, double time)
    {
        public Disturbance Disturbance { get; } = disturbance;

        public double Time { get; set; } = time;
    }

    /// <summary>Forwards the run's events to the emulator.</summary>
    private sealed class TraceSink(VirtualPlantEmulator owner) : IPlantTraceSink
    {
        public void OnEvent(in PlantTraceEvent traceEvent) => owner.OnTrace(traceEvent);
    }
}
