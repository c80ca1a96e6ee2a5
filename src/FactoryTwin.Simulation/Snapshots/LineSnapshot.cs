using System.Collections.Immutable;

namespace FactoryTwin.Simulation.Snapshots;

/// <summary>
/// The state of a line at one instant, from a running simulation (<c>LineSimulation.CaptureSnapshot</c>)
/// or from the live plant, used to start a simulation there (warm start). <see cref="Time"/> is the
/// simulation clock at the snapshot; with a periodic shift calendar it also fixes the time of day and
/// week within the shift pattern. Random-number states are not part of a snapshot: a resumed run has
/// the same future in distribution, not the same sample path.
/// </summary>
/// <param name="Time">Simulation time in seconds.</param>
/// <param name="Elements">States of the elements that are not empty (others start empty).</param>
public sealed record LineSnapshot(double Time, ImmutableArray<ElementSnapshot> Elements);
