using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;
using Microsoft.Extensions.Logging;

namespace FactoryTwin.VirtualPlant.Releases;

/// <summary>
/// The emulator's release plan: the <see cref="ReleaseSchedule"/> in use (<see cref="Use"/>, from any thread; taken by
/// the run at its next decision), applied as <see cref="ReleaseSchedule"/> describes. Counts the bodies released per
/// order.
/// </summary>
internal sealed class ScheduledRelease : IBodyReleasePlan
{
    /// <summary>Simulated seconds a waiting source sleeps at most before it asks again (a new schedule is then seen).</summary>
    public const double RecheckSeconds = 60;

    private readonly Lock _gate = new();
    private readonly PlantModel _plant;
    private readonly ILogger _logger;
    private readonly Func<double, DateTimeOffset> _instantOf;
    private readonly Func<DateTimeOffset, double> _secondOf;
    private ReleaseSchedule? _schedule;
    private int[] _remaining = [];
    private int[] _released = [];
    private bool _announced;
    private bool _finished;

    /// <param name="plant">The plant (the line of each source).</param>
    /// <param name="instantOf">The instant the plant stamps for a simulated second.</param>
    /// <param name="secondOf">The simulated second of a stamped instant.</param>
    /// <param name="logger">The logger.</param>
    public ScheduledRelease(PlantModel plant, Func<double, DateTimeOffset> instantOf, Func<DateTimeOffset, double> secondOf, ILogger logger)
    {
        _plant = plant;
        _instantOf = instantOf;
        _secondOf = secondOf;
        _logger = logger;
    }

    /// <summary>Gets the bodies released per order of the schedule in use, this run and before it.</summary>
    public IReadOnlyDictionary<string, int> Released
    {
        get
        {
            lock (_gate)
            {
                var released = new Dictionary<string, int>(StringComparer.Ordinal);
                if (_schedule is { } schedule)
                {
                    for (int i = 0; i < schedule.Orders.Length; i++)
                    {
                        released[schedule.Orders[i].Id] = _released[i];
                    }
                }

                return released;
            }
        }
    }

    /// <summary>Releases by <paramref name="schedule"/> from the next decision on; <see langword="null"/> returns to the mix.</summary>
    /// <param name="schedule">The schedule, or <see langword="null"/>.</param>
    public void Use(ReleaseSchedule? schedule)
    {
        lock (_gate)
        {
            if (schedule is null)
            {
                if (_schedule is not null)
                {
                    Log.ScheduleCleared(_logger, _schedule.Id);
                }

                _schedule = null;
                return;
            }

            var orders = schedule.Orders.IsDefault ? [] : schedule.Orders;
            _schedule = schedule with { Orders = orders };
            _released = [.. orders.Select(o => Math.Clamp(o.Released, 0, o.Quantity))];
            _remaining = [.. orders.Select((o, i) => o.Quantity - _released[i])];
            _announced = false;
            _finished = false;
            Log.ScheduleInUse(_logger, schedule.Id, orders.Length, _remaining.Sum(), schedule.Begins);
        }
    }

    /// <inheritdoc />
    public BodyRelease Decide(AssetId source, double time)
    {
        lock (_gate)
        {
            if (_schedule is not { } schedule || _finished)
            {
                return BodyRelease.Mix;
            }

            var now = _instantOf(time);
            if (now < schedule.Begins)
            {
                return BodyRelease.Mix; // the production before the schedule
            }

            if (!_announced)
            {
                _announced = true;
                Log.ScheduleStarted(_logger, schedule.Id, now);
            }

            var line = _plant.LineOf(source)?.Id;
            DateTimeOffset? next = null;
            bool left = false;
            for (int i = 0; i < schedule.Orders.Length; i++)
            {
                var order = schedule.Orders[i];
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
                _finished = true;
                Log.ScheduleReleased(_logger, schedule.Id, now);
                return BodyRelease.Mix;
            }

            // Orders for other lines only: this source runs its mix; else it waits for the next order's start.
            return next is { } start ? BodyRelease.WaitUntil(Math.Min(_secondOf(start), time + RecheckSeconds)) : BodyRelease.Mix;
        }
    }
}
