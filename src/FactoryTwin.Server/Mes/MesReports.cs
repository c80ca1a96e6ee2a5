using FactoryTwin.Historian;
using FactoryTwin.Mes.Performance;
using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Server.Mes;

/// <summary>
/// Plan versus actual of the active schedule, counted from the historian: the part events since the schedule's earliest
/// order start decide which order each body belongs to, the stations' state series give the downtime, and
/// <see cref="CureVerdictLog"/> gives each body's cure verdict.
/// </summary>
internal sealed class MesReports
{
    private readonly IScheduleStore _store;
    private readonly IHistorian _historian;
    private readonly PlantModel _plant;
    private readonly CureVerdictLog _cure;

    public MesReports(IScheduleStore store, IHistorian historian, PlantModel plant, CureVerdictLog cure)
    {
        _store = store;
        _historian = historian;
        _plant = plant;
        _cure = cure;
    }

    /// <summary>Computes the report of a window against the active schedule; <see langword="null"/> when there is none.</summary>
    public async Task<PerformanceReport?> ComputeAsync(DateTimeOffset from, DateTimeOffset until, string? shift, CancellationToken cancellationToken = default)
    {
        if (_store.Current is not { } schedule)
        {
            return null;
        }

        var since = schedule.Orders.Count == 0 ? from : schedule.Orders.Items.Min(o => o.EarliestStart);
        if (since > from)
        {
            since = from;
        }

        var events = until > since ? await _historian.QueryPartEventsAsync(since, until, null, cancellationToken) : [];
        var states = new List<StationStateSpan>();
        foreach (var station in _plant.Lines().SelectMany(l => l.Stations))
        {
            foreach (var interval in await _historian.QueryStateIntervalsAsync(SeriesId.Of(station.Id, SeriesId.StateChannel), from, until, cancellationToken))
            {
                states.Add(new StationStateSpan(station.Id, (StationState)(int)interval.State, interval.Start, interval.End));
            }
        }

        return PerformanceCalculator.Compute(_plant, schedule, from, until, events, states, _cure.Snapshot(), shift);
    }
}
