using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Plant.Releases;
using FactoryTwin.VirtualPlant.Releases;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Server.Mes;

/// <summary>
/// The active MES schedule as the virtual plant releases it: the orders in schedule sequence, each with the bodies the
/// historian already counts for it (plan versus actual, <see cref="MesReports"/>), so that a restarted server, or a
/// schedule imported while the plant runs, releases only what the orders still want. Changes when a schedule is imported.
/// </summary>
internal sealed class MesReleaseSchedule : IReleaseScheduleSource
{
    private readonly IScheduleStore _store;
    private readonly MesReports _reports;
    private readonly TimeProvider _time;

    public MesReleaseSchedule(IScheduleStore store, MesReports reports, [FromKeyedServices(PlantClock.ServiceKey)] TimeProvider time)
    {
        _store = store;
        _reports = reports;
        _time = time;
        _store.Changed += _ => Changed?.Invoke();
    }

    /// <inheritdoc />
    public event Action? Changed;

    /// <inheritdoc />
    public async Task<ReleaseSchedule?> GetAsync(CancellationToken cancellationToken)
    {
        if (_store.Current is not { } schedule)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var released = new Dictionary<string, int>(StringComparer.Ordinal);
        if (schedule.Orders.Count > 0 && schedule.Orders.Items.Min(o => o.EarliestStart) < now
            && await _reports.ComputeAsync(now, now, null, cancellationToken) is { } report)
        {
            foreach (var order in report.Orders)
            {
                released[order.Order.Id] = order.Released;
            }
        }

        return new ReleaseSchedule(
            schedule.Id,
            [.. schedule.Orders.Items.Select(o => new ReleaseOrder(o.Id, o.Variant, o.Colour, o.Quantity, o.EarliestStart, o.Line, released.GetValueOrDefault(o.Id)))]);
    }
}
