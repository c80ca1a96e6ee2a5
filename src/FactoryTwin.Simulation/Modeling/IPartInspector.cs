using FactoryTwin.Simulation.Engine;

namespace FactoryTwin.Simulation.Modeling;

/// <summary>
/// Decides what becomes of each part a station finishes from what happened to it there, instead of (or before) the
/// station's scrap and rework probabilities: a deterministic quality gate such as a cure verdict. Called on the thread
/// that runs the simulation, inside the completion event; an inspector set on a <see cref="StationOptions"/> is shared by
/// every replication of the model, so it must be safe to call from several threads at once and must not depend on the
/// order of calls (replications run in parallel).
/// </summary>
public interface IPartInspector
{
    /// <summary>Judges one finished part.</summary>
    /// <param name="inspection">The part and its stay on the machine.</param>
    /// <returns><see cref="PartOutcome.Good"/> to let the station's probabilities decide as usual; <see cref="PartOutcome.Rework"/> to send the part to the station's rework target; <see cref="PartOutcome.Scrap"/> to scrap it.</returns>
    PartOutcome Inspect(in PartInspection inspection);
}
