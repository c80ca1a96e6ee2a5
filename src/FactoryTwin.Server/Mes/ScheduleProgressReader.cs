using System.Security.Claims;
using FactoryTwin.Mes.Performance;
using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Server.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Mes;

/// <summary>
/// Plan versus actual of the active schedule up to the plant's now, with each open order's expected completion: the one
/// code path behind <c>GET /api/v1/mes/schedule</c> and the dashboard's plan-versus-actual page, so the two never differ.
/// </summary>
internal sealed class ScheduleProgressReader
{
    private readonly MesReports _reports;
    private readonly IScheduleStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lookback;
    private readonly OrderForecastRefresh _forecasts;

    public ScheduleProgressReader(MesReports reports, IScheduleStore store, [FromKeyedServices(PlantClock.ServiceKey)] TimeProvider time, IOptions<MesOptions> options, OrderForecastRefresh forecasts)
    {
        _reports = reports;
        _store = store;
        _time = time;
        _forecasts = forecasts;
        _lookback = TimeSpan.FromMinutes(options.Value.ForecastLookbackMinutes);
    }

    /// <summary>
    /// Counts the active schedule's orders from the historian since the earliest order start and gives each open order's
    /// expected completion: the latest simulation of the schedule (<see cref="OrderForecastRefresh"/>) when one was made for
    /// it, and the estimate from the bodies that left the plant in the last <see cref="MesOptions.ForecastLookbackMinutes"/>
    /// (until then, and beside it for comparison). Never waits for a simulation.
    /// </summary>
    /// <returns>The progress, or <see langword="null"/> when no schedule has been imported.</returns>
    public async Task<ScheduleProgressDto?> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_store.Current is not { } schedule)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var from = schedule.Orders.Count == 0 ? now : schedule.Orders.Items.Min(o => o.EarliestStart);
        if (await _reports.ComputeAsync(from < now ? from : now, now, null, cancellationToken) is not { } report)
        {
            return null;
        }

        var estimates = OrderCompletionForecast.Estimate(report.Orders, report.Departures.Count(d => d >= now - _lookback), _lookback, now)
            .ToDictionary(e => e.OrderId, StringComparer.Ordinal);
        var simulated = _forecasts.Latest is { } latest && latest.ScheduleId == schedule.Id ? latest.Forecast : null;
        var outlooks = simulated?.Orders.ToDictionary(o => o.OrderId, StringComparer.Ordinal);
        return new ScheduleProgressDto(
            schedule.Id, schedule.PublishedAt, now, report.UnscheduledBodies,
            [.. report.Orders.Select(o => OrderProgressDto.From(o, estimates.GetValueOrDefault(o.Order.Id), outlooks?.GetValueOrDefault(o.Order.Id), simulated?.Horizon))]);
    }

    /// <summary>Gets whether a user sees every line of the plant; the MES documents cover the whole plant, so only such a user gets them.</summary>
    /// <param name="plant">The plant.</param>
    /// <param name="user">The user.</param>
    /// <returns><see langword="true"/> when no line is hidden from the user.</returns>
    public static bool SeesWholePlant(PlantModel plant, ClaimsPrincipal user) =>
        plant.Lines().All(l => Principals.MaySee(user, l.Id.Value));
}
