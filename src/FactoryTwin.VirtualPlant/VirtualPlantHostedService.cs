using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.VirtualPlant.Continuity;
using FactoryTwin.VirtualPlant.Releases;
using FactoryTwin.VirtualPlant.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.VirtualPlant;

/// <summary>
/// Runs the virtual plant inside a host: the plant from <see cref="VirtualPlantOptions.PlantFile"/> (or the host's
/// registered <see cref="PlantModel"/>), the scenario from <see cref="VirtualPlantOptions.ScenarioFile"/>.
/// <see cref="Current"/> exposes the running emulator's counters for metrics. With
/// <see cref="VirtualPlantOptions.StateFile"/> the gateways' counters continue from the saved state and the state is
/// saved every <see cref="VirtualPlantOptions.StateSaveInterval"/> and when the run stops. It stops in
/// <see cref="StoppingAsync"/>, before the host stops any service: the gateways publish what they hold while the broker
/// still takes it (the embedded broker, registered before, stops taking messages in its own StoppingAsync).
/// </summary>
public sealed class VirtualPlantHostedService : BackgroundService, IHostedLifecycleService
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly VirtualPlantOptions _options;
    private readonly PlantModel? _plant;
    private readonly TimeProvider _time;
    private readonly TimeProvider _wall;
    private readonly ILoggerFactory _loggers;
    private readonly IReleaseScheduleSource? _schedules;

    /// <summary>Wall time before a schedule that could not be read is read again.</summary>
    private static readonly TimeSpan ScheduleRetry = TimeSpan.FromSeconds(10);
    private VirtualPlantEmulator? _emulator;

    /// <summary>Creates the service.</summary>
    /// <param name="options">The options.</param>
    /// <param name="time">The clock the emulator paces and stamps by: the one under <see cref="VirtualPlantOptions.ClockKey"/>.</param>
    /// <param name="wall">The host's wall clock: the interval between two saves of the state file is measured on it.</param>
    /// <param name="loggers">The logger factory.</param>
    /// <param name="plant">The host's plant, used when no plant file is configured.</param>
    /// <param name="schedules">The schedule to release bodies by (the server's MES schedule), or <see langword="null"/> for the random mix.</param>
    public VirtualPlantHostedService(
        IOptions<VirtualPlantOptions> options,
        [FromKeyedServices(VirtualPlantOptions.ClockKey)] TimeProvider time,
        TimeProvider wall,
        ILoggerFactory loggers,
        PlantModel? plant = null,
        IReleaseScheduleSource? schedules = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _wall = wall;
        _loggers = loggers;
        _plant = plant;
        _schedules = schedules;
    }

    /// <summary>Gets the running emulator's counters, or <see langword="null"/> before it starts.</summary>
    public VirtualPlantStatus? Current => _emulator?.Status;

    /// <summary>Gets the bodies released per order of the schedule in use, or <see langword="null"/> before the plant starts.</summary>
    public IReadOnlyDictionary<string, int>? ReleasedByOrder => _emulator?.ReleasedByOrder;

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Stops the virtual plant and waits until its gateways have published what they hold and its state is saved. The
    /// host calls every service's StoppingAsync, in reverse order of registration, before it stops any: so the plant
    /// stops while the broker it publishes to still takes messages, and no gateway is left waiting on a broker that
    /// holds its PUBLISH until it closes (and then reconnects while the host stops).
    /// </summary>
    /// <param name="cancellationToken">Cancelled when the host's shutdown time is up.</param>
    /// <returns>A task that completes when the run has ended, or the shutdown time is up.</returns>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (ExecuteTask is not { } run)
        {
            return;
        }

        // As BackgroundService.StopAsync waits, without rethrowing: a run that failed was reported when it failed, and
        // when the shutdown time is up StopAsync ends the run as far as it still can.
        await run.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public override void Dispose()
    {
        _stopping.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Gives the emulator the schedule to release by, and again each time it changes, until the returned subscription is
    /// disposed. A schedule that cannot be read is logged, the plant keeps the one it has, and the read is tried again
    /// after <see cref="ScheduleRetry"/> of wall time until it succeeds or the schedule changes again.
    /// </summary>
    private async Task<IDisposable?> FollowScheduleAsync(VirtualPlantEmulator emulator, ILogger logger, CancellationToken cancellationToken)
    {
        if (_schedules is not { } schedules)
        {
            return null;
        }

        var refresh = new SemaphoreSlim(1, 1);
        long generation = 0;

        // Reads and applies the schedule; false when it could not be read (logged). A read asked for by an older change
        // than the latest does nothing: the latest has its own.
        async Task<bool> ReadAsync(long asked)
        {
            await refresh.WaitAsync(cancellationToken);
            try
            {
                if (asked == Interlocked.Read(ref generation))
                {
                    emulator.UseSchedule(await schedules.GetAsync(cancellationToken));
                }

                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ScheduleUnavailable(logger, ex.Message);
                return false;
            }
            finally
            {
                refresh.Release();
            }
        }

        async Task RetryAsync(long asked)
        {
            do
            {
                await Task.Delay(ScheduleRetry, _wall, cancellationToken);
            }
            while (!await ReadAsync(asked));
        }

        async Task FollowAsync(long asked)
        {
            if (!await ReadAsync(asked))
            {
                await RetryAsync(asked);
            }
        }

        void OnChanged() => _ = FollowAsync(Interlocked.Increment(ref generation)).ContinueWith(static _ => { }, TaskScheduler.Default);
        if (!await ReadAsync(0))
        {
            _ = RetryAsync(0).ContinueWith(static _ => { }, TaskScheduler.Default);
        }

        schedules.Changed += OnChanged;
        // The semaphore is not disposed: a refresh still running may release it (it has no wait handle to free).
        return new Subscription(() => schedules.Changed -= OnChanged);
    }

    /// <summary>Runs an action when disposed.</summary>
    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Stopped by the host (StopAsync) or earlier, in StoppingAsync.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _stopping.Token);
        var plant = _plant;
        if (_options.PlantFile is { } file)
        {
            var loaded = PlantLoader.LoadFile(file);
            plant = loaded.Model ?? throw new InvalidOperationException($"VirtualPlant:PlantFile '{file}' is invalid: {string.Join("; ", loaded.Diagnostics)}");
        }

        if (plant is null)
        {
            throw new InvalidOperationException("VirtualPlant:PlantFile is not set and the host registers no plant model.");
        }

        Scenario? scenario = null;
        if (_options.ScenarioFile is { } scenarioFile)
        {
            var loaded = ScenarioLoader.LoadFile(scenarioFile, plant);
            scenario = loaded.Scenario ?? throw new InvalidOperationException($"VirtualPlant:ScenarioFile '{scenarioFile}' is invalid: {string.Join("; ", loaded.Diagnostics)}");
        }

        var logger = _loggers.CreateLogger<VirtualPlantEmulator>();
        await using var emulator = new VirtualPlantEmulator(plant, _options, scenario, _time, logger);
        using var schedule = await FollowScheduleAsync(emulator, logger, stop.Token);
        if (_options.StateFile is not { } stateFile)
        {
            _emulator = emulator;
            await emulator.RunAsync(cancellationToken: stop.Token);
            return;
        }

        var recorder = new StateRecorder(stateFile, _options.Resume, (_time as ScaledTimeProvider)?.Speed ?? 1, _options.StateSaveInterval, _time, logger);
        emulator.StartSequencesAt(recorder.Begin(plant.Gateways.Select(g => g.Id)));
        _emulator = emulator;
        using var saving = new CancellationTokenSource();
        var periodic = recorder.SaveEveryIntervalAsync(emulator, _wall, saving.Token);
        var run = emulator.RunAsync(cancellationToken: stop.Token);
        try
        {
            // Once the run creates no more messages its counters and latest stamp are final: save them before the
            // buffers drain, so that a stop the host cuts short still leaves a clean state.
            await Task.WhenAny(emulator.Simulated, run);
        }
        finally
        {
            await saving.CancelAsync();
            await periodic;
            recorder.Save(emulator, clean: true);
        }

        await run;

        // Again with the clock's time after the drain: the plant time a restart resumes at is then the latest.
        recorder.Save(emulator, clean: true);
    }
}
