using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// One replication of a whole plant run step by step (<see cref="AdvanceTo"/>), reporting every state change, count,
/// body movement and store level to an <see cref="IPlantTraceSink"/> in plant vocabulary (assets, lines, body ids,
/// variant and colour ids). Starts empty at simulation time 0 (<see cref="PlantSimulation.StartWeekTime"/> in the week).
/// Disturbances can be injected while it runs (<see cref="StopStore"/>). Not thread-safe.
/// </summary>
/// <remarks>
/// A station's state summarizes its servers: working if any works, else setup, else down, else blocked, else off
/// shift, else starved. It is reported when it differs from the last reported state once all events of an instant have
/// run, so a station that finishes a part and starts the next at the same instant reports nothing.
/// </remarks>
public sealed partial class LivePlantRun
{
    private readonly LineSimulation _engine;
    private readonly Observer _observer;
    private readonly Dictionary<SensorId, (LiveOvenCure Oven, int Zone)> _zoneAir = [];

    /// <summary>Creates the run positioned at simulation time 0 and reports each station's initial state to <paramref name="sink"/>.</summary>
    /// <param name="simulation">The plant simulation.</param>
    /// <param name="seed">The seed of the random streams.</param>
    /// <param name="sink">Receives the events.</param>
    /// <param name="replication">The replication whose random streams are used.</param>
    /// <param name="releasePlan">The plan the sources release by from their first body (<see cref="SetReleasePlan"/>), or <see langword="null"/> for the mix.</param>
    public LivePlantRun(PlantSimulation simulation, ulong seed, IPlantTraceSink sink, int replication = 0, IBodyReleasePlan? releasePlan = null)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(sink);
        Simulation = simulation;
        Seed = seed;
        _engine = new LineSimulation(simulation.Model, new SimulationOptions { Seed = seed, EndTime = double.MaxValue, TrackBottlenecks = false }, replication);
        var cures = new Dictionary<int, LiveOvenCure>();
        foreach (var (oven, router) in simulation.CureRouters)
        {
            var live = new LiveOvenCure(router);
            var element = simulation.ElementOf(oven);
            _engine.SetInspector(element, live);
            cures[element.Index] = live;
            var zones = router.Predictor.Oven.Zones;
            for (var z = 0; z < zones.Count; z++)
            {
                _zoneAir[zones[z].Sensor] = (live, z);
            }
        }

        _observer = new Observer(simulation, _engine, sink, cures);
        _engine.Observer = _observer;
        SetReleasePlan(releasePlan);
        _engine.Reset(replication);
        _observer.Started();
    }

    /// <summary>Gets the plant simulation being run.</summary>
    public PlantSimulation Simulation { get; }

    /// <summary>Gets the seed.</summary>
    public ulong Seed { get; }

    /// <summary>Gets the simulation time in seconds since the start.</summary>
    public double Now => _engine.Now;

    /// <summary>Gets the number of bodies created so far.</summary>
    public long BodiesCreated => _observer.BodiesCreated;

    /// <summary>Runs every event before <paramref name="time"/> and reports them; then the clock is at <paramref name="time"/>.</summary>
    /// <param name="time">Simulation seconds since the start, not before <see cref="Now"/>.</param>
    public void AdvanceTo(double time)
    {
        _engine.RunUntil(time);
        _observer.Flush();
    }

    /// <summary>
    /// Feeds the measured air temperature of an oven zone. An oven with <see cref="Oven.CureRework"/> judges every body
    /// that leaves with the twin's cure predictor under the air it was fed (each zone linear between readings since the
    /// body entered, held at the latest reading, its setpoint until a first reading) and sends it to rework when the
    /// verdict is not OK; the verdict and route are on the body's <see cref="PlantTraceKind.PartExit"/> event.
    /// </summary>
    /// <param name="sensor">The zone's air sensor.</param>
    /// <param name="time">Simulation seconds; readings of a zone come in time order.</param>
    /// <param name="kelvin">The air temperature, in kelvin.</param>
    /// <returns>Whether the sensor is a zone sensor of an oven that routes by cure (otherwise the reading is ignored).</returns>
    public bool RecordZoneAir(SensorId sensor, double time, double kelvin)
    {
        if (!_zoneAir.TryGetValue(sensor, out var zone))
        {
            return false;
        }

        zone.Oven.Record(zone.Zone, time, kelvin);
        return true;
    }

    /// <summary>
    /// Makes every source release by <paramref name="plan"/> instead of the plant's random mix, from its next body on (a
    /// body already waiting at a source keeps what it was given). <see langword="null"/> returns to the mix.
    /// </summary>
    /// <param name="plan">The plan, or <see langword="null"/>.</param>
    public void SetReleasePlan(IBodyReleasePlan? plan)
    {
        foreach (var line in Simulation.Plant.Lines())
        {
            foreach (var source in line.Sources)
            {
                _engine.SetReleasePlan(Simulation.ElementOf(source.Id), plan is null ? null : new SourcePlan(this, source.Id, plan));
            }
        }
    }

    /// <summary>Stops a buffer or conveyor (a conveyor drive stopped) from now for <paramref name="duration"/> seconds.</summary>
    /// <param name="asset">A buffer or conveyor of the plant.</param>
    /// <param name="duration">Seconds, greater than 0.</param>
    /// <exception cref="KeyNotFoundException">The plant has no such flow element.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The asset is not a buffer or conveyor, or the duration is not positive.</exception>
    public void StopStore(AssetId asset, double duration) => _engine.StopStore(Simulation.ElementOf(asset), duration);

    /// <summary>Returns the state of a station as last reported.</summary>
    /// <param name="station">A station of the plant.</param>
    /// <returns>Its state.</returns>
    public StationState StateOf(AssetId station) => _observer.StateOf(Simulation.ElementOf(station).Index);

    /// <summary>Maps an engine machine status to the station state of the telemetry schema.</summary>
    /// <param name="status">The engine status.</param>
    /// <returns>The station state.</returns>
    public static StationState ToStationState(MachineStatus status) => status switch
    {
        MachineStatus.Working => StationState.Working,
        MachineStatus.SettingUp => StationState.Setup,
        MachineStatus.Blocked => StationState.Blocked,
        MachineStatus.Down => StationState.Down,
        MachineStatus.OffShift => StationState.OffShift,
        _ => StationState.Starved,
    };
}
