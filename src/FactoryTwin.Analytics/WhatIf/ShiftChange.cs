using System.Globalization;
using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>Changes one shift of a calendar: its start and end, and/or its breaks (replaced as a whole).</summary>
/// <param name="Calendar">The calendar's id.</param>
/// <param name="Shift">The shift's id.</param>
public sealed record ShiftChange(CalendarId Calendar, ShiftId Shift) : PlantChange
{
    /// <summary>Gets the new start (site time), or <see langword="null"/> to keep it.</summary>
    public TimeOnly? Start { get; init; }

    /// <summary>Gets the new end (site time), or <see langword="null"/> to keep it.</summary>
    public TimeOnly? End { get; init; }

    /// <summary>Gets the new breaks, or <see langword="null"/> to keep them.</summary>
    public ValueList<ShiftBreak>? Breaks { get; init; }

    /// <inheritdoc/>
    public override string Describe(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        var shift = plant.Calendars.FirstOrDefault(c => c.Id == Calendar)?.Shifts.FirstOrDefault(s => s.Id == Shift);
        string hours = Start is not null || End is not null
            ? string.Create(CultureInfo.InvariantCulture, $" {shift?.Start:HH\\:mm}–{shift?.End:HH\\:mm} → {Start ?? shift?.Start:HH\\:mm}–{End ?? shift?.End:HH\\:mm}")
            : string.Empty;
        string breaks = Breaks is { } b
            ? string.Create(CultureInfo.InvariantCulture, $" breaks {shift?.Breaks.Sum(x => x.Duration) / 60:0.#} → {b.Sum(x => x.Duration) / 60:0.#} min")
            : string.Empty;
        return $"shift {Calendar}/{Shift}:{hours}{breaks}";
    }

    /// <inheritdoc/>
    public override PlantModel Apply(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        var calendar = plant.Calendars.FirstOrDefault(c => c.Id == Calendar) ?? throw new ArgumentException($"The plant has no calendar '{Calendar}'.");
        if (!calendar.Shifts.Any(s => s.Id == Shift))
        {
            throw new ArgumentException($"Calendar '{Calendar}' has no shift '{Shift}'.");
        }

        return plant with
        {
            Calendars = plant.Calendars.Select(c => c.Id != Calendar ? c : c with
            {
                Shifts = c.Shifts.Select(s => s.Id != Shift ? s : s with { Start = Start ?? s.Start, End = End ?? s.End, Breaks = Breaks ?? s.Breaks }).ToValueList(),
            }).ToValueList(),
        };
    }
}
