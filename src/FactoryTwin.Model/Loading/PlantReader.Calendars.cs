using System.Globalization;
using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Units;
using FactoryTwin.Model.Yaml;

namespace FactoryTwin.Model.Loading;

/// <summary>Shift calendars.</summary>
internal sealed partial class PlantReader
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private ValueList<ShiftCalendar> ReadCalendars()
    {
        var result = new List<ShiftCalendar>();
        foreach (var r in root.MappingList("calendars", Indexed("calendar"), required: true))
        {
            var context = Named(r, "calendar");
            var id = r.Id("id");
            Declare("calendar", id);
            var name = r.Text("name");
            var shifts = new List<Shift>();
            var weekIntervals = new List<(double Start, double End, string Shift)>();
            var shiftIds = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            foreach (var s in r.MappingList("shifts", Indexed(context + " shift"), required: true))
            {
                var shift = ReadShift(s, context, shiftIds);
                if (shift is null)
                {
                    continue;
                }

                foreach (var day in shift.Days)
                {
                    var start = ((int)day * 86400.0) + shift.Start.ToTimeSpan().TotalSeconds;
                    foreach (var (os, oe, other) in weekIntervals)
                    {
                        if (Overlaps(start, start + shift.Duration, os, oe))
                        {
                            Bag.Error(s.KeyLocation("start"), DiagnosticCode.InvalidCalendar, $"{s.Context} overlaps shift '{other}' on {DayNames[(int)day]}: shifts of one calendar must not overlap.");
                        }
                    }
                }

                foreach (var day in shift.Days)
                {
                    var start = ((int)day * 86400.0) + shift.Start.ToTimeSpan().TotalSeconds;
                    weekIntervals.Add((start, start + shift.Duration, shift.Id.Value));
                }

                shifts.Add(shift);
            }

            var downtime = new List<PlannedDowntime>();
            foreach (var d in r.MappingList("plannedDowntime", Indexed(context + " planned downtime")))
            {
                var reason = d.Text("reason") ?? "planned downtime";
                var day = ReadDay(d, "day", required: true);
                var start = ReadTime(d, "start", required: true);
                var duration = d.Quantity("duration", QuantityKind.Duration, required: true, ValueRange.Positive);
                d.Finish();
                if (day is { } dd && start is { } st && duration is { } du)
                {
                    downtime.Add(new PlannedDowntime(reason, dd, st, du));
                }
            }

            r.Finish();
            if (id is { } i)
            {
                result.Add(new ShiftCalendar(new CalendarId(i.Value), name ?? i.Value, shifts.ToValueList(), downtime.ToValueList()));
            }
        }

        return result.ToValueList();
    }

    private static bool Overlaps(double a0, double a1, double b0, double b1)
    {
        const double Week = 7 * 86400.0;
        for (var shift = -1; shift <= 1; shift++)
        {
            var c0 = b0 + (shift * Week);
            var c1 = b1 + (shift * Week);
            if (a0 < c1 && c0 < a1)
            {
                return true;
            }
        }

        return false;
    }

    private Shift? ReadShift(MappingReader s, string calendar, Dictionary<string, SourceLocation> shiftIds)
    {
        var context = Named(s, calendar + " shift");
        var id = s.Id("id");
        if (id is { } v && !shiftIds.TryAdd(v.Value, v.Location))
        {
            Bag.Error(v.Location, DiagnosticCode.DuplicateId, $"duplicate shift id '{v.Value}' in {calendar}: it is already declared at line {shiftIds[v.Value].Line}.");
        }

        var name = s.Text("name");
        var start = ReadTime(s, "start", required: true);
        var end = ReadTime(s, "end", required: true);
        var days = ReadDays(s, "days");
        var breaks = new List<ShiftBreak>();
        foreach (var br in s.MappingList("breaks", Indexed(context + " break")))
        {
            var breakName = br.Text("name") ?? "break";
            var bs = ReadTime(br, "start", required: true);
            var bd = br.Quantity("duration", QuantityKind.Duration, required: true, ValueRange.Positive);
            br.Finish();
            if (bs is { } bstart && bd is { } bdur)
            {
                if (start is { } shiftStart && end is { } shiftEnd)
                {
                    var length = (shiftEnd.ToTimeSpan() - shiftStart.ToTimeSpan()).TotalSeconds;
                    length = length <= 0 ? length + 86400 : length;
                    var offset = (bstart.ToTimeSpan() - shiftStart.ToTimeSpan()).TotalSeconds;
                    offset = offset < 0 ? offset + 86400 : offset;
                    if (offset + bdur > length + 1e-9)
                    {
                        Bag.Error(br.KeyLocation("start"), DiagnosticCode.InvalidCalendar, $"{br.Context} at {bstart.ToString("HH:mm", CultureInfo.InvariantCulture)} does not lie within the shift ({shiftStart.ToString("HH:mm", CultureInfo.InvariantCulture)}–{shiftEnd.ToString("HH:mm", CultureInfo.InvariantCulture)}).");
                    }
                }

                breaks.Add(new ShiftBreak(breakName, bstart, bdur));
            }
        }

        s.Finish();
        if (id is null || start is null || end is null || days is null)
        {
            return null;
        }

        return new Shift(new ShiftId(id.Value.Value), name ?? id.Value.Value, start.Value, end.Value, days.Value, breaks.ToValueList());
    }

    private TimeOnly? ReadTime(MappingReader r, string key, bool required)
    {
        var s = r.Scalar(key, required, $"'{key}: \"06:00\"'");
        if (s is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(s.Value.Value, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }

        Bag.Error(s.Value.Location, DiagnosticCode.InvalidValue, $"{r.Context}: {key} '{s.Value.Value}' is not a time of day; write it as \"HH:mm\", e.g. \"06:00\".");
        return null;
    }

    private DayOfWeek? ReadDay(MappingReader r, string key, bool required)
    {
        var s = r.Scalar(key, required, $"'{key}: mon'");
        return s is null ? null : ParseDay(r, s.Value);
    }

    private DayOfWeek? ParseDay(MappingReader r, Located<string> s)
    {
        var i = Array.IndexOf(DayNames, s.Value);
        if (i >= 0)
        {
            return (DayOfWeek)i;
        }

        Bag.Error(s.Location, DiagnosticCode.InvalidValue, $"{r.Context}: '{s.Value}' is not a weekday; use mon, tue, wed, thu, fri, sat or sun.{Suggestions.DidYouMean(s.Value, DayNames)}");
        return null;
    }

    private ValueList<DayOfWeek>? ReadDays(MappingReader r, string key)
    {
        var items = r.ScalarList(key, required: true);
        if (items.Count == 0)
        {
            return null;
        }

        var days = new List<DayOfWeek>();
        var ok = true;
        foreach (var item in items)
        {
            var dash = item.Value.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                // A range such as mon-fri.
                var from = ParseDay(r, item with { Value = item.Value[..dash] });
                var to = ParseDay(r, item with { Value = item.Value[(dash + 1)..] });
                if (from is null || to is null)
                {
                    ok = false;
                    continue;
                }

                for (var d = (int)from.Value; ; d = (d + 1) % 7)
                {
                    days.Add((DayOfWeek)d);
                    if (d == (int)to.Value)
                    {
                        break;
                    }
                }
            }
            else if (ParseDay(r, item) is { } day)
            {
                days.Add(day);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? days.Distinct().ToValueList() : null;
    }
}
