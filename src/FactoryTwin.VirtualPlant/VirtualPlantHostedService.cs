using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.VirtualPlant.Continuity;
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
/// saved every <see cref="VirtualPlantOptions.StateSaveInterval"/> and when the run stops.
/// </summary>
public sealed class VirtualPlantHostedService : BackgroundService
{
    private readonly VirtualPlantOptions _options;
    private readonly PlantModel? _plant;
    private readonly TimeProvider _time;
    private readonly TimeProvider _wall;
    private readonly ILoggerFactory _loggers;
    private VirtualPlantEmulator? _emulator;

    /// <summary>Creates the service.</summary>
    /// <param name="options">The options.</param>
    /// <param name="time">The clock the emulator paces and stamps by: the one under <see cref="VirtualPlantOptions.ClockKey"/>.</param>
    /// <param name="wall">The host's wall clock: the interval between two saves of the state file is measured on it.</param>
    /// <param name="loggers">The logger factory.</param>
    /// <param name="plant">The host's plant, used when no plant file is configured.</param>
    public VirtualPlantHostedService(
        IOptions<VirtualPlantOptions> options, [FromKeyedServices(VirtualPlantOptions.ClockKey)] TimeProvider time, TimeProvider wall, ILoggerFactory loggers, PlantModel? plant = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _wall = wall;
        _loggers = loggers;
        _plant = plant;
    }

    /// <summary>Gets the running emulator's counters, or <see langword="null"/> before it starts.</summary>
    public VirtualPlantStatus? Current => _emulator?.Status;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
        if (_options.StateFile is not { } stateFile)
        {
            _emulator = emulator;
            await emulator.RunAsync(cancellationToken: stoppingToken);
            return;
        }

        var recorder = new StateRecorder(stateFile, _options.Resume, (_time as ScaledTimeProvider)?.Speed ?? 1, _options.StateSaveInterval, _time, logger);
        emulator.StartSequencesAt(recorder.Begin(plant.Gateways.Select(g => g.Id)));
        _emulator = emulator;
        using var saving = new CancellationTokenSource();
        var periodic = recorder.SaveEveryIntervalAsync(emulator, _wall, saving.Token);
        var run = emulator.RunAsync(cancellationToken: stoppingToken);
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
