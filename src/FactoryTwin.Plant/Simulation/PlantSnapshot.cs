using System.Collections.Immutable;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// The state of a whole plant at one instant, in plant vocabulary: each station's servers (state, time in it, the
/// part on it), the parts in every buffer and on every conveyor, the sources, and each line's output of the current
/// shift so far. It is captured from a running plant simulation (<see cref="PlantSimulation.CaptureSnapshot"/>) or
/// built from the live plant, and a simulation warm-starts from it (<see cref="PlantSimulation.ToEngineSnapshot"/>,
/// <see cref="PlantSimulation.CreateRun(PlantSnapshot, ulong, int, DateTimeOffset)"/>).
/// </summary>
/// <remarks>
/// Everything a live plant may not know is optional: a <see langword="null"/> time is drawn, in each replication,
/// from the model's distribution conditioned on the time already spent (remaining processing from
/// <see cref="PlantSnapshotServer.ElapsedWork"/>, remaining repair from <see cref="PlantSnapshotServer.TimeInState"/>);
/// an element that is not listed starts empty, a server that is not listed starts empty and up. Together with the
/// site's time zone and shift calendar, <see cref="Instant"/> fixes the time of day within the shift.
/// </remarks>
public sealed record PlantSnapshot
{
    /// <summary>Gets the instant the snapshot describes.</summary>
    public required DateTimeOffset Instant { get; init; }

    /// <summary>Gets the stations that are not empty and idle (ovens included), each with its servers.</summary>
    public ImmutableArray<PlantSnapshotStation> Stations { get; init; } = [];

    /// <summary>Gets the buffers and conveyors that hold parts.</summary>
    public ImmutableArray<PlantSnapshotStore> Stores { get; init; } = [];

    /// <summary>Gets the sources' states; a source not listed draws its next release afresh.</summary>
    public ImmutableArray<PlantSnapshotSource> Sources { get; init; } = [];

    /// <summary>Gets each line's output in the current shift so far; a line not listed has made nothing yet.</summary>
    public ImmutableArray<PlantSnapshotLine> Lines { get; init; } = [];
}
