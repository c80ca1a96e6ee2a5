using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Releases;
using FactoryTwin.Plant.Simulation;
using Microsoft.Extensions.Logging;

namespace FactoryTwin.VirtualPlant.Releases;

/// <summary>
/// The emulator's release plan: the <see cref="ReleaseSchedule"/> in use (<see cref="Use"/>, from any thread; taken by
/// the run at its next decision), applied by the plant's <see cref="ScheduleReleasePlan"/> (the rule the order forecast
/// simulates too), with a lock and the log. Counts the bodies released per order.
/// </summary>
internal sealed class ScheduledRelease : IBodyReleasePlan
{
    /// <summary>Simulated seconds a waiting source sleeps at most before it asks again (a new schedule is then seen).</summary>
    public const double RecheckSeconds = ScheduleReleasePlan.RecheckSeconds;

    private readonly Lock _gate = new();
    private readonly PlantModel _plant;
    private readonly ILogger _logger;
    private readonly Func<double, DateTimeOffset> _instantOf;
    private readonly Func<DateTimeOffset, double> _secondOf;
    private ScheduleReleasePlan? _plan;

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
                if (_plan is { } plan)
                {
                    var orders = plan.Schedule.Orders;
                    for (int i = 0; i < orders.Length; i++)
                    {
                        released[orders[i].Id] = plan.ReleasedOf(i);
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
                if (_plan is not null)
                {
                    Log.ScheduleCleared(_logger, _plan.Schedule.Id);
                }

                _plan = null;
                return;
            }

            _plan = new ScheduleReleasePlan(_plant, schedule, _instantOf, _secondOf);
            Log.ScheduleInUse(_logger, schedule.Id, _plan.Schedule.Orders.Length, _plan.RemainingToRelease, schedule.Begins);
        }
    }

    /// <inheritdoc />
    public BodyRelease Decide(AssetId source, double time)
    {
        lock (_gate)
        {
            if (_plan is not { } plan)
            {
                return BodyRelease.Mix;
            }

            bool started = plan.StartedAt is not null, finished = plan.FinishedAt is not null;
            var body = plan.Decide(source, time);
            if (!started && plan.StartedAt is { } at)
            {
                Log.ScheduleStarted(_logger, plan.Schedule.Id, at);
            }

            if (!finished && plan.FinishedAt is { } done)
            {
                Log.ScheduleReleased(_logger, plan.Schedule.Id, done);
            }

            return body;
        }
    }
}
