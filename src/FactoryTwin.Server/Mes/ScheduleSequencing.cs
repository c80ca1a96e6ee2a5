using System.Globalization;
using FactoryTwin.Analytics.Sequencing;
using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Server.Mes;

/// <summary>
/// Turns an imported production schedule into the bodies the paint sequencer orders (docs/sequencing.md): each order
/// expanded into its bodies in schedule order (the first-come-first-served baseline), each body due at the position
/// its order's due time falls on when the paint line paints one body per takt from the schedule's earliest start.
/// Shared by <c>factorytwin mes sequence --schedule/--active</c> and <c>POST /api/v1/mes/schedule/sequence</c>.
/// </summary>
public static class ScheduleSequencing
{
    /// <summary>The shortest takt a caller may give, in seconds.</summary>
    public const double MinTaktSeconds = 1;

    /// <summary>The longest takt a caller may give, in seconds (one day).</summary>
    public const double MaxTaktSeconds = 86_400;

    /// <summary>
    /// The paint line's takt from the plant: the line with a colour changeover (a station whose setup is by colour; else
    /// the first line with an oven), its calendar's mean shift length divided by its shift target. Breaks are inside the
    /// shift length on purpose: due times are wall-clock instants, so the takt is the average wall-clock time per body
    /// over a shift.
    /// </summary>
    /// <param name="plant">The plant.</param>
    /// <param name="why">Why no takt could be derived, when none could.</param>
    /// <returns>The takt, or <see langword="null"/> when the plant has no paint line with a shift target and shifts.</returns>
    public static PaintTakt? PaintTaktOf(PlantModel plant, out string? why)
    {
        ArgumentNullException.ThrowIfNull(plant);
        var lines = plant.Lines().ToList();
        var line = lines.Find(l => l.Stations.Items.Any(s => s.Setup?.By == SetupBasis.Colour))
            ?? lines.Find(l => l.Stations.Items.Any(s => s.Oven is not null));
        if (line is null)
        {
            why = "the plant has no paint line (no station with a colour setup, no oven)";
            return null;
        }

        var calendar = plant.Calendars.Items.FirstOrDefault(c => c.Id == line.Calendar);
        if (line.ShiftTarget is not { } target || calendar is null || calendar.Shifts.Count == 0)
        {
            why = $"the paint line '{line.Id}' has no shift target or no shifts";
            return null;
        }

        var shift = calendar.Shifts.Items.Average(s => s.Duration);
        why = null;
        return new PaintTakt(
            line.Id,
            TimeSpan.FromSeconds(shift / target),
            string.Create(CultureInfo.InvariantCulture, $"paint line '{line.Id}': {shift / 3600:0.##} h shift / shift target {target}"));
    }

    /// <summary>The bodies of a schedule in schedule order, with due positions from the orders' due times.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="takt">The time per body on the paint line.</param>
    /// <param name="bodies">The bodies <c>{order}-1 … {order}-{quantity}</c>, when the schedule can be sequenced.</param>
    /// <param name="start">The instant of the first position: the earliest start of any order.</param>
    /// <returns><see langword="null"/>, or why the schedule cannot be sequenced (no orders, too many bodies).</returns>
    public static string? TryToBodies(ProductionSchedule schedule, TimeSpan takt, out IReadOnlyList<SequencingBody> bodies, out DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(takt, TimeSpan.Zero);
        bodies = [];
        start = default;
        var orders = schedule.Orders.Items;
        if (orders.Length == 0)
        {
            return $"schedule '{schedule.Id}' has no orders to sequence.";
        }

        if (orders.FirstOrDefault(o => o.Quantity > SequencingOrder.MaxQuantity) is { } large)
        {
            return string.Create(CultureInfo.InvariantCulture, $"order '{large.Id}' has {large.Quantity} bodies; at most {SequencingOrder.MaxQuantity} per order can be sequenced.");
        }

        if (schedule.TotalQuantity > SequencingProblem.MaxBodies)
        {
            return string.Create(CultureInfo.InvariantCulture, $"schedule '{schedule.Id}' has {schedule.TotalQuantity} bodies; at most {SequencingProblem.MaxBodies} can be sequenced at once.");
        }

        var first = orders.Min(o => o.EarliestStart);
        start = first;
        bodies = SequencingOrder.Expand(orders.Select(o => new SequencingOrder(
            o.Id, o.Variant.Value, o.Colour.Value, o.Options.Items, o.Quantity, SequencingOrder.DuePositionOf(o.Due, first, takt))));
        return null;
    }
}
