using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Plant.Releases;

/// <summary>
/// The release rule of a <see cref="ReleaseSchedule"/> as an <see cref="IBodyReleasePlan"/>: the one rule the virtual
/// plant releases by and the order forecast simulates. Counts the bodies released per order from each order's
/// <see cref="ReleaseOrder.Released"/> on. Not thread-safe: one instance per run.
/// </summary>
public sealed class ScheduleReleasePlan : IBodyReleasePlan
{
    /// <summary>Simulated seconds a waiting source sleeps at most before it asks again (a new schedule is then seen).</summary>
    public const double RecheckSeconds = 60;

    private readonly PlantModel _plant;
    private readonly ReleaseSchedule _schedule;
    private readonly Func<double, DateTimeOffset> _instantOf;
    private readonly Func<DateTimeOffset, double> _secondOf;
    private readonly int[] _remaining;
    private readonly int[] _released;

    /// <summary>Creates the plan of <paramref name="schedule"/>.</summary>
    /// <param name="plant">The plant (the line of each source).</param>
    /// <param name="schedule">The schedule, with the bodies each order already has.</param>
    /// <param name="instantOf">The instant of a simulated second.</param>
    /// <param name="secondOf">The simulated second of an instant.</param>
    public ScheduleReleasePlan(PlantModel plant, ReleaseSchedule schedule, Func<double, DateTimeOffset> instantOf, Func<DateTimeOffset, double> secondOf)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(instantOf);
        ArgumentNullException.ThrowIfNull(secondOf);
        _plant = plant;
        _schedule = schedule.Orders.IsDefault ? schedule with { Orders = [] } : schedule;
        _instantOf = instantOf;
        _secondOf = secondOf;
        _released = [.. _schedule.Orders.Select(o => Math.Clamp(o.Released, 0, o.Quantity))];
        _remaining = [.. _schedule.Orders.Select((o, i) => o.Quantity - _released[i])];
    }

    /// <summary>Gets the schedule released by (orders never default).</summary>
    public ReleaseSchedule Schedule => _schedule;

    /// <summary>Gets the instant of the first decision at or after <see cref="ReleaseSchedule.Begins"/>, or <see langword="null"/> before it.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>Gets the instant every order was found released, or <see langword="null"/> while one still wants bodies.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Gets the bodies still to release for each order, in schedule sequence.</summary>
    public int RemainingToRelease => _remaining.Sum();

    /// <summary>Returns the bodies released for the order at <paramref name="index"/> in schedule sequence, before and by this plan.</summary>
    /// <param name="index">The order's position in <see cref="ReleaseSchedule.Orders"/>.</param>
    /// <returns>The bodies released.</returns>
    public int ReleasedOf(int index) => _released[index];

    /// <inheritdoc />
    /// <remarks>
    /// From the first order's earliest start on, the source releases the first order, in schedule sequence, that still
    /// wants bodies, may start and is planned on the source's line (or on none); while none may start yet it waits (at most
    /// <see cref="RecheckSeconds"/>). Before the schedule begins, once every order is released, and while only other
    /// lines' orders are left, the source runs its mix.
    /// </remarks>
    public BodyRelease Decide(AssetId source, double time)
    {
        if (FinishedAt is not null)
        {
            return BodyRelease.Mix;
        }

        var now = _instantOf(time);
        if (now < _schedule.Begins)
        {
            return BodyRelease.Mix; // the production before the schedule
        }

        StartedAt ??= now;
        var line = _plant.LineOf(source)?.Id;
        DateTimeOffset? next = null;
        bool left = false;
        var orders = _schedule.Orders;
        for (int i = 0; i < orders.Length; i++)
        {
            var order = orders[i];
            if (_remaining[i] == 0)
            {
                continue;
            }

            left = true;
            if (order.Line is { } planned && planned != line)
            {
                continue;
            }

            if (order.EarliestStart <= now)
            {
                _remaining[i]--;
                _released[i]++;
                return BodyRelease.Body(order.Variant, order.Colour, order.Id);
            }

            next = next is { } n && n <= order.EarliestStart ? n : order.EarliestStart;
        }

        if (!left)
        {
            FinishedAt = now;
            return BodyRelease.Mix;
        }

        // Orders for other lines only: this source runs its mix; else it waits for the next order's start.
        return next is { } start ? BodyRelease.WaitUntil(Math.Min(_secondOf(start), time + RecheckSeconds)) : BodyRelease.Mix;
    }
}
