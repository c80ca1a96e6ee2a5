using FactoryTwin.Analytics.Fitting;
using FactoryTwin.Historian;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Server.Fitting;

/// <summary>Reads what <see cref="PlantFitter"/> needs from a historian: each station's state intervals and part events over a range.</summary>
public static class HistorianFitSource
{
    /// <summary>Reads the history of every station of <paramref name="plant"/> in <c>[since, until)</c>.</summary>
    /// <param name="historian">The historian.</param>
    /// <param name="plant">The plant.</param>
    /// <param name="since">The inclusive start.</param>
    /// <param name="until">The exclusive end.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>One history per station that has a state series in the range; state codes that are not a <see cref="StationState"/> are left out.</returns>
    public static async Task<IReadOnlyList<StationHistory>> LoadAsync(IHistorian historian, PlantModel plant, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(historian);
        ArgumentNullException.ThrowIfNull(plant);
        var result = new List<StationHistory>();
        foreach (var station in plant.Elements().OfType<Station>())
        {
            var intervals = await historian.QueryStateIntervalsAsync(SeriesId.Of(station.Id, SeriesId.StateChannel), since, until, cancellationToken).ConfigureAwait(false);
            if (intervals.Count == 0)
            {
                continue;
            }

            var states = new List<StateSpan>(intervals.Count);
            foreach (var i in intervals)
            {
                if (i.State >= 0 && i.State <= (int)StationState.OffShift && i.State == Math.Floor(i.State))
                {
                    states.Add(new StateSpan(i.Start, i.End, (StationState)(int)i.State));
                }
            }

            var parts = await historian.QueryPartEventsAsync(since, until, station.Id, cancellationToken).ConfigureAwait(false);
            result.Add(new StationHistory(station.Id, states, parts));
        }

        return result;
    }
}
