namespace FactoryTwin.Simulation.Snapshots;

/// <summary>A part in a buffer or on a conveyor, in FIFO order (first = next to leave).</summary>
/// <param name="Part">The part.</param>
/// <param name="RemainingTransit">Seconds until it reaches the end of a conveyor (0 = at the end, and for buffers).</param>
public sealed record StoredPartSnapshot(PartSnapshot Part, double RemainingTransit = 0);
