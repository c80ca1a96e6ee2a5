namespace FactoryTwin.Historian;

/// <summary>
/// The alarm history, in the historian's own database (table <c>alarm_events</c>, created on first use). Both historians
/// created by <see cref="HistorianFactory"/> implement it, and <see cref="HistorianServiceCollectionExtensions.AddHistorian"/> registers the historian as this interface too.
/// </summary>
public interface IAlarmHistory
{
    /// <summary>Appends events; completes after they are committed. Events are kept in append order.</summary>
    /// <param name="events">The events; each needs an asset, an alarm id and an event name.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <returns>A task that completes after the commit.</returns>
    /// <exception cref="ArgumentException">An event lacks its asset, alarm or event name.</exception>
    Task AppendAlarmEventsAsync(IReadOnlyList<AlarmEventRecord> events, CancellationToken cancellationToken = default);

    /// <summary>Reads the events in <c>[since, until)</c>, ordered by timestamp, then append order.</summary>
    /// <param name="since">The inclusive start.</param>
    /// <param name="until">The exclusive end; must not be before <paramref name="since"/>.</param>
    /// <param name="asset">Only this asset's events, or <see langword="null"/>.</param>
    /// <param name="alarm">Only this alarm's events, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The events.</returns>
    /// <exception cref="ArgumentException"><paramref name="until"/> is before <paramref name="since"/>.</exception>
    Task<IReadOnlyList<AlarmEventRecord>> QueryAlarmEventsAsync(DateTimeOffset since, DateTimeOffset until, string? asset = null, string? alarm = null, CancellationToken cancellationToken = default);
}
