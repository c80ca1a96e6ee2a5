namespace FactoryTwin.Simulation.Modeling;

/// <summary>
/// Decides what a source releases instead of its random mix (<see cref="SourceOptions.AttributeMixes"/>): a production
/// schedule that says which variant and colour comes next and not before when. Set on one simulation's source
/// (<see cref="Engine.LineSimulation.SetReleasePlan"/>); called on the thread that runs the simulation whenever the
/// source is about to create its next part (at its arrival, or at once for a saturated source).
/// </summary>
public interface IReleasePlan
{
    /// <summary>Decides the source's next part.</summary>
    /// <param name="now">The simulation time in seconds.</param>
    /// <param name="attributes">
    /// The new part's attributes (<see cref="PartAttributes"/>), all 0 on entry; written on <see cref="ReleaseDecision.Release"/>.
    /// Each value must be below its attribute's value count in the model.
    /// </param>
    /// <returns>
    /// <see cref="ReleaseDecision.Release"/> to create the part with <paramref name="attributes"/>;
    /// <see cref="ReleaseDecision.WaitUntil"/> to create nothing now and ask again then; <see cref="ReleaseDecision.Mix"/>
    /// to draw the part from the source's mix as without a plan.
    /// </returns>
    ReleaseDecision Decide(double now, Span<ushort> attributes);
}
