using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>
/// A shift on the given weekdays; it crosses midnight when <see cref="End"/> is before <see cref="Start"/>, and lasts
/// 24 hours when they are equal.
/// </summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Start">The local start time.</param>
/// <param name="End">The local end time.</param>
/// <param name="Days">The weekdays on which the shift starts.</param>
/// <param name="Breaks">The breaks, when stations stop.</param>
public sealed record Shift(ShiftId Id, string Name, TimeOnly Start, TimeOnly End, ValueList<DayOfWeek> Days, ValueList<ShiftBreak> Breaks)
{
    /// <summary>Gets the shift length, in seconds.</summary>
    public double Duration
    {
        get
        {
            var d = (End.ToTimeSpan() - Start.ToTimeSpan()).TotalSeconds;
            return d <= 0 ? d + 86400 : d;
        }
    }

    /// <summary>Gets the working time (shift length less breaks), in seconds.</summary>
    public double WorkingTime
    {
        get
        {
            var t = Duration;
            foreach (var b in Breaks)
            {
                t -= b.Duration;
            }

            return t;
        }
    }
}
