using FactoryTwin.Model.Ids;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// Decides which body each source of a <see cref="LivePlantRun"/> releases next, instead of the plant's random mix: a
/// production schedule followed by the virtual plant. Asked on the thread that runs the simulation, whenever a source is
/// about to release a body (<see cref="LivePlantRun.SetReleasePlan"/>).
/// </summary>
public interface IBodyReleasePlan
{
    /// <summary>Decides the next body of <paramref name="source"/>.</summary>
    /// <param name="source">The source (a body release point of a line).</param>
    /// <param name="time">Simulation seconds since the run started.</param>
    /// <returns>The body to release, to wait, or to draw from the mix.</returns>
    BodyRelease Decide(AssetId source, double time);
}
