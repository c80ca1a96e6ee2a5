namespace FactoryTwin.Mes.Scheduling;

/// <summary>
/// Where the plant's active schedule is kept: <see cref="ScheduleStore"/> (a file in a folder, one machine) or, in a
/// cluster, a table every node reads. An import is all or nothing: the document is checked completely first, and a
/// refused document changes nothing. Implementations are thread-safe.
/// </summary>
public interface IScheduleStore
{
    /// <summary>Gets where the active schedule is kept, for messages (a file path, or a table name).</summary>
    string Location { get; }

    /// <summary>
    /// Gets the result of loading the stored schedule, or <see langword="null"/> when there is none. A stored schedule
    /// that no longer fits the plant (a variant removed from the plant file) is not active, and this says why.
    /// </summary>
    ScheduleImportResult? LoadResult { get; }

    /// <summary>Gets the active schedule, or <see langword="null"/> when none has been imported.</summary>
    ProductionSchedule? Current { get; }

    /// <summary>Raised after a schedule became active: imported through this store, or, where the store is shared, seen at a read after another node imported it.</summary>
    event Action<ProductionSchedule>? Changed;

    /// <summary>Checks a schedule document completely and, when it is valid, makes it the active schedule (durably).</summary>
    /// <param name="document">The document; read to its end or to the size limit.</param>
    /// <returns>The result: the new schedule, or every problem (then nothing changed).</returns>
    ScheduleImportResult Import(Stream document);
}
