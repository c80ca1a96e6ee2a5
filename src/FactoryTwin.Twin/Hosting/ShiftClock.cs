using FactoryTwin.Model.Plants;

namespace FactoryTwin.Twin.Hosting;

/// <summary>Finds shift boundaries from a line's calendar and the site's time zone.</summary>
internal sealed class ShiftClock
{
    private readonly ShiftCalendar? _calendar;
    private readonly TimeZoneInfo _zone;

    public ShiftClock(ShiftCalendar? calendar, TimeZoneInfo zone)
    {
        _calendar = calendar;
        _zone = zone;
    }

    public static TimeZoneInfo FindZone(string? id)
    {
        if (!string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.Utc;
    }

    /// <summary>Gets the start of the latest shift that started at or before <paramref name="instant"/> (the current shift, or the last one when off shift); midnight UTC without a calendar.</summary>
    public DateTimeOffset ShiftStart(DateTimeOffset instant)
    {
        var (start, _) = Find(instant);
        return start;
    }

    /// <summary>Gets the end of the shift <see cref="ShiftStart"/> returns.</summary>
    public DateTimeOffset ShiftEnd(DateTimeOffset instant)
    {
        var (start, shift) = Find(instant);
        return shift is null ? start.AddDays(1) : start.AddSeconds(shift.Duration);
    }

    private (DateTimeOffset Start, Shift? Shift) Find(DateTimeOffset instant)
    {
        if (_calendar is null || _calendar.Shifts.Count == 0)
        {
            var utc = instant.UtcDateTime;
            return (new DateTimeOffset(utc.Date, TimeSpan.Zero), null);
        }

        var local = TimeZoneInfo.ConvertTime(instant, _zone).DateTime;
        DateTime? best = null;
        Shift? bestShift = null;
        for (var d = 0; d <= 7; d++)
        {
            var date = local.Date.AddDays(-d);
            foreach (var shift in _calendar.Shifts)
            {
                if (!shift.Days.Contains(date.DayOfWeek))
                {
                    continue;
                }

                var start = date + shift.Start.ToTimeSpan();
                if (start <= local && (best is null || start > best))
                {
                    best = start;
                    bestShift = shift;
                }
            }

            if (best is not null && d >= 1)
            {
                break;
            }
        }

        if (best is null)
        {
            return (new DateTimeOffset(instant.UtcDateTime.Date, TimeSpan.Zero), null);
        }

        var offset = _zone.GetUtcOffset(best.Value);
        return (new DateTimeOffset(DateTime.SpecifyKind(best.Value, DateTimeKind.Unspecified), offset).ToUniversalTime(), bestShift);
    }
}
