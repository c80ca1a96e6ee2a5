namespace FactoryTwin.Mes.Scheduling;

/// <summary>The outcome of importing a schedule: the schedule when the document is valid for the plant, otherwise every problem found.</summary>
/// <param name="Schedule">The schedule; <see langword="null"/> when there is any problem.</param>
/// <param name="Problems">Every problem, in document order; empty on success.</param>
public sealed record ScheduleImportResult(ProductionSchedule? Schedule, IReadOnlyList<ScheduleProblem> Problems)
{
    /// <summary>Gets a value indicating whether the import succeeded.</summary>
    public bool Succeeded => Schedule is not null && Problems.Count == 0;
}
