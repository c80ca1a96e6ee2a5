using System.Collections.Immutable;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Snapshots;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// Plant snapshots and warm start: capturing a running simulation as a <see cref="PlantSnapshot"/>, and the map between
/// plant and engine snapshots (<see cref="EngineSnapshotMapper"/>).
/// </summary>
public sealed partial class PlantSimulation
{
    /// <summary>
    /// Captures a running simulation of this plant as a <see cref="PlantSnapshot"/>, with the exact remaining times the
    /// run knows (processing, setup, repair, time to failure, next release, conveyor transit).
    /// </summary>
    /// <param name="simulation">A simulation of <see cref="Model"/>, positioned at the instant.</param>
    /// <param name="instant">The instant of <see cref="LineSimulation.Now"/> (see <see cref="InstantOf"/>).</param>
    /// <param name="shiftStart">
    /// The result of <paramref name="simulation"/> at the start of the current shift (<see cref="LineSimulation.GetResult"/>
    /// called then), so that each line's output counts this shift only; <see langword="null"/> counts the whole
    /// statistics window.
    /// </param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException"><paramref name="simulation"/> runs another model.</exception>
    public PlantSnapshot CaptureSnapshot(LineSimulation simulation, DateTimeOffset instant, ReplicationResult? shiftStart = null)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        if (!ReferenceEquals(simulation.Model, Model))
        {
            throw new ArgumentException("The simulation runs another model than this plant's.", nameof(simulation));
        }

        var snapshot = FromEngineSnapshot(simulation.CaptureSnapshot(), instant);
        var now = simulation.GetResult();
        var lines = ImmutableArray.CreateBuilder<PlantSnapshotLine>(Lines.Length);
        for (int l = 0; l < Lines.Length; l++)
        {
            long good = LineGood(now, l) - (shiftStart is null ? 0 : LineGood(shiftStart, l));
            long scrap = 0;
            foreach (var station in Lines[l].Stations)
            {
                int s = _stationIndex[station.Value];
                scrap += now.Stations[s].Scrapped - (shiftStart?.Stations[s].Scrapped ?? 0);
            }

            lines.Add(new PlantSnapshotLine { Line = Lines[l].Line, Good = Math.Max(good, 0), Scrap = Math.Max(scrap, 0) });
        }

        return snapshot with { Lines = lines.MoveToImmutable() };
    }

    /// <summary>
    /// Converts an engine snapshot of this plant's model into plant vocabulary (line outputs are left empty).
    /// </summary>
    /// <param name="snapshot">An engine snapshot of <see cref="Model"/>.</param>
    /// <param name="instant">The instant of <see cref="LineSnapshot.Time"/>.</param>
    /// <returns>The plant snapshot.</returns>
    public PlantSnapshot FromEngineSnapshot(LineSnapshot snapshot, DateTimeOffset instant) =>
        _mapper.FromEngineSnapshot(snapshot, instant);

    /// <summary>
    /// Converts a plant snapshot into the engine snapshot that warm-starts <see cref="Model"/> at
    /// <see cref="SimulationTimeOf"/>(<see cref="PlantSnapshot.Instant"/>). Unknown times stay unknown (NaN) and are
    /// drawn per replication by the engine, conditioned on the time already spent.
    /// </summary>
    /// <param name="snapshot">The plant snapshot.</param>
    /// <returns>The engine snapshot.</returns>
    /// <exception cref="ArgumentException">
    /// The snapshot names an asset the plant does not have or of the wrong kind, a variant or colour the plant does not
    /// know, more servers than a station has or more parts than a store holds; the message names it.
    /// </exception>
    public LineSnapshot ToEngineSnapshot(PlantSnapshot snapshot) =>
        _mapper.ToEngineSnapshot(snapshot);

    /// <summary>Creates a simulation of this plant that starts from <paramref name="snapshot"/> and stops at <paramref name="until"/>.</summary>
    /// <param name="snapshot">The plant state to start from.</param>
    /// <param name="until">The instant the run ends; after <see cref="PlantSnapshot.Instant"/>.</param>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication number (selects independent random streams).</param>
    /// <returns>The simulation, positioned at the snapshot; its statistics window starts there.</returns>
    public LineSimulation CreateRun(PlantSnapshot snapshot, ulong seed, int replication, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var start = ToEngineSnapshot(snapshot);
        double horizon = (until - snapshot.Instant).TotalSeconds;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(horizon, 0, nameof(until));
        var options = new SimulationOptions { Seed = seed, WarmUpTime = start.Time, EndTime = start.Time + horizon };
        return new LineSimulation(Model, options, replication, start);
    }
}
