using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using FactoryTwin.VirtualPlant.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.VirtualPlant;

/// <summary>
/// Runs the virtual plant inside a host: the plant from <see cref="VirtualPlantOptions.PlantFile"/> (or the host's
/// registered <see cref="PlantModel"/>), the scenario from <see cref="VirtualPlantOptions.ScenarioFile"/>.
/// <see cref="Current"/> exposes the running emulator's counters for metrics.
/// </summary>
public sealed class VirtualPlantHostedService : BackgroundService
{
    private readonly VirtualPlantOptions _options;
    private readonly PlantModel? _plant;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private VirtualPlantEmulator? _emulator;

    /// <summary>Creates the service.</summary>
    /// <param name="options">The options.</param>
    /// <param name="time">The clock the emulator paces and stamps by: the one under <see cref="VirtualPlantOptions.ClockKey"/>.</param>
    /// <param name="loggers">The logger factory.</param>
    /// <param name="plant">The host's plant, used when no plant file is configured.</param>
    public VirtualPlantHostedService(IOptions<VirtualPlantOptions> options, [FromKeyedServices(VirtualPlantOptions.ClockKey)] TimeProvider time, ILoggerFactory loggers, PlantModel? plant = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
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

        await using var emulator = new VirtualPlantEmulator(plant, _options, scenario, _time, _loggers.CreateLogger<VirtualPlantEmulator>());
        _emulator = emulator;
        await emulator.RunAsync(cancellationToken: stoppingToken);
    }
}
