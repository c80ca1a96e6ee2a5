using System.Globalization;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Mes.Performance;

/// <summary>Shift instances of the release line's calendar in the site's time zone.</summary>
internal static class ShiftCalendarWindows
{
    public static bool TryResolve(PlantModel plant, string? text, DateTimeOffset now, out ShiftWindow? window, out string? error)
    {
        window = null;
        error = null;
        var line = plant.Lines().FirstOrDefault();
        var calendar = line is null ? null : plant.Calendars.Items.FirstOrDefault(c => c.Id == line.Calendar);
        if (calendar is null || calendar.Shifts.Count == 0)
        {
            error = "shift: the plant's release line has no shift calendar.";
            return false;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(plant.Site.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var instances = Instances(calendar, zone, now.AddDays(-9), now.AddDays(2)).ToList();
        text = string.IsNullOrWhiteSpace(text) ? "current" : text.Trim();
        if (text is "current" or "previous")
        {
            int current = instances.FindLastIndex(i => i.From <= now);
            int index = text == "current" ? current : current - 1;
            if (index < 0)
            {
                error = $"shift '{text}': no shift started in the last week.";
                return false;
            }

            var chosen = instances[index];
            window = chosen with { Until = chosen.Until > now ? now : chosen.Until };
            return true;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !DateOnly.TryParseExact(text[..slash], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error = $"shift '{text}' must be current, previous or yyyy-MM-dd/{{shift}} (shifts: {string.Join(", ", calendar.Shifts.Items.Select(s => s.Id.Value))}).";
            return false;
        }

        var id = text[(slash + 1)..];
        var shift = calendar.Shifts.Items.FirstOrDefault(s => string.Equals(s.Id.Value, id, StringComparison.Ordinal));
        if (shift is null)
        {
            error = $"shift '{text}': the calendar '{calendar.Id.Value}' has no shift '{id}' (shifts: {string.Join(", ", calendar.Shifts.Items.Select(s => s.Id.Value))}).";
            return false;
        }

        if (!shift.Days.Contains(date.DayOfWeek))
        {
            error = $"shift '{text}': '{id}' does not run on {date.DayOfWeek} {date:yyyy-MM-dd}.";
            return false;
        }

        var instance = Instance(shift, date, zone);
        window = instance with { Until = instance.Until > now ? now : instance.Until };
        if (window.Until <= window.From)
        {
            error = $"shift '{text}': it has not started yet (plant time {now:O}).";
            window = null;
            return false;
        }

        return true;
    }

    /// <summary>The first whole shift of the release line's calendar that ends after <paramref name="after"/>, or <see langword="null"/> without a calendar.</summary>
    public static ShiftWindow? NextEnding(PlantModel plant, DateTimeOffset after)
    {
        var line = plant.Lines().FirstOrDefault();
        var calendar = line is null ? null : plant.Calendars.Items.FirstOrDefault(c => c.Id == line.Calendar);
        if (calendar is null || calendar.Shifts.Count == 0)
        {
            return null;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(plant.Site.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return Instances(calendar, zone, after.AddDays(-2), after.AddDays(9)).Where(i => i.Until > after).MinBy(i => i.Until);
    }

    private static IEnumerable<ShiftWindow> Instances(ShiftCalendar calendar, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset until)
    {
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(until, zone).DateTime);
        var all = new List<ShiftWindow>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            foreach (var shift in calendar.Shifts)
            {
                if (shift.Days.Contains(date.DayOfWeek))
                {
                    all.Add(Instance(shift, date, zone));
                }
            }
        }

        return all.OrderBy(w => w.From);
    }

    private static ShiftWindow Instance(Shift shift, DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(shift.Start);
        var start = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        return new ShiftWindow(start, start.AddSeconds(shift.Duration), string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd}/{shift.Id.Value}"));
    }
}
