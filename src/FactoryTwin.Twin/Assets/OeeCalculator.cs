using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Twin.Assets;

/// <summary>
/// OEE from state time and counts (the definitions are on <see cref="StationKpi"/>); used by the live twin and by any
/// recomputation from the historian, so both agree by construction of the formula, not of the inputs.
/// </summary>
public static class OeeCalculator
{
    /// <summary>Computes a station's KPIs.</summary>
    /// <param name="shiftStart">The shift start (UTC).</param>
    /// <param name="asOf">The end of the span (UTC).</param>
    /// <param name="secondsInState">Seconds per <see cref="StationState"/> code (at least 6 entries).</param>
    /// <param name="good">Good parts in the span.</param>
    /// <param name="scrap">Scrapped parts in the span.</param>
    /// <param name="idealCycleTime">The ideal cycle time, in seconds.</param>
    /// <param name="throughputLastHour">Good parts in the last hour.</param>
    /// <returns>The KPIs.</returns>
    public static StationKpi Compute(DateTimeOffset shiftStart, DateTimeOffset asOf, ReadOnlySpan<double> secondsInState, long good, long scrap, double idealCycleTime, long throughputLastHour)
    {
        var planned = 0d;
        for (var i = 0; i < (int)StationState.OffShift; i++)
        {
            planned += secondsInState[i];
        }

        var working = secondsInState[(int)StationState.Working];
        var total = good + scrap;
        var availability = planned > 0 ? working / planned : 0;
        var performance = working > 0 ? idealCycleTime * total / working : 0;
        var quality = total > 0 ? (double)good / total : 0;
        return new StationKpi(shiftStart, asOf, planned, working, idealCycleTime, good, scrap, availability, performance, quality, availability * performance * quality, throughputLastHour);
    }
}
