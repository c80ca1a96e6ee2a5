namespace FactoryTwin.Server.Fitting;

/// <summary>The end of a request to fit the served plant: the stored run, or why there is none.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Run">The run when <see cref="FitRunStatus.Done"/>.</param>
/// <param name="Problem">Why not, naming the field at fault, otherwise.</param>
internal sealed record PlantFitOutcome(FitRunStatus Status, PlantFitRunView? Run, string? Problem)
{
    public static PlantFitOutcome Done(PlantFitRunView run) => new(FitRunStatus.Done, run, null);

    public static PlantFitOutcome Invalid(string problem) => new(FitRunStatus.Invalid, null, problem);

    public static PlantFitOutcome Busy(string problem) => new(FitRunStatus.Busy, null, problem);
}
