using FactoryTwin.Analytics.Orders;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Server.Live;
using FactoryTwin.Twin.Plants;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Mes;

/// <summary>
/// Keeps the simulated completion of the active schedule's open orders (<see cref="OrderCompletionForecaster"/>), made off
/// the request path: from the live twin's snapshot, with the sources releasing by the schedule as the virtual plant does
/// (<see cref="MesReleaseSchedule"/>: each order continues from the bodies the historian counts for it). Like the twin's
/// shift forecast it is made afresh every <see cref="MesOptions.OrderForecastIntervalSeconds"/> of wall time with the same
/// seed, and at once when a schedule is imported; a read (<see cref="Latest"/>) never waits for one. It is not made again
/// while the orders' progress stands still (off shift), up to ten intervals, and it waits at least ten times as long as
/// the last one took. Refreshes run one at a time: one asked for while another runs waits for it, and the loop's step
/// after an import makes none when the latest forecast was already made from the imported schedule.
/// </summary>
internal sealed class OrderForecastRefresh : BackgroundService
{
    private readonly MesReports _reports;
    private readonly MesReleaseSchedule _releases;
    private readonly ITwinGateway _twin;
    private readonly PlantModel _plant;
    private readonly TimeProvider _wall;
    private readonly MesOptions _options;
    private readonly ILogger<OrderForecastRefresh> _logger;
    private readonly Lazy<OrderCompletionForecaster> _forecaster;
    /// <summary>A forecast of unchanged progress is made again after this many intervals.</summary>
    private const int StaleAfterIntervals = 10;

    /// <summary>The wait after a forecast is at least this many times its duration (at most about a tenth of the time spent forecasting).</summary>
    private const int DutyFactor = 10;

    private readonly SemaphoreSlim _kick = new(0, 1);
    private readonly SemaphoreSlim _running = new(1, 1);
    private volatile Made? _latest; // one reference, so a reader never sees half of an update
    private string? _lastProgress;
    private long _lastMade;
    private int _scheduleChanges; // imports seen; a forecast remembers how many it saw when it read the schedule
    private int _madeAfterChanges = -1;

    public OrderForecastRefresh(MesReports reports, MesReleaseSchedule releases, ITwinGateway twin, PlantModel plant, TimeProvider wall, IOptions<MesOptions> options, ILogger<OrderForecastRefresh> logger)
    {
        _reports = reports;
        _releases = releases;
        _twin = twin;
        _plant = plant;
        _wall = wall;
        _options = options.Value;
        _logger = logger;
        _forecaster = new(() => new OrderCompletionForecaster(PlantSimulationBuilder.Build(plant)));
    }

    /// <summary>Gets how long the latest forecast took (wall time).</summary>
    public TimeSpan LastDuration { get; private set; }

    /// <summary>Gets the latest forecast with the id of the schedule it was made for, or <see langword="null"/> before the first.</summary>
    public (string ScheduleId, OrderForecast Forecast)? Latest => _latest is { } latest ? (latest.ScheduleId, latest.Forecast) : null;

    /// <summary>Makes the forecast of the active schedule now (tests call it directly).</summary>
    /// <param name="cancellationToken">Stops the forecast.</param>
    /// <returns>The forecast, or <see langword="null"/> when no schedule is active or the historian has no report.</returns>
    public Task<OrderForecast?> RefreshAsync(CancellationToken cancellationToken = default) => RefreshAsync(onlyIfChanged: false, cancellationToken);

    /// <summary>
    /// The background loop's step: makes the forecast unless the latest was made after the last import, the orders'
    /// progress (bodies released, completed and scrapped per order) is what it started from and it is younger than
    /// <see cref="StaleAfterIntervals"/> intervals: off shift nothing moves, and simulating the same plant again from a
    /// later instant of the same pause gives the same completions.
    /// </summary>
    /// <param name="cancellationToken">Stops the forecast.</param>
    /// <returns>The forecast made, or the latest when none was needed.</returns>
    internal Task<OrderForecast?> RefreshIfChangedAsync(CancellationToken cancellationToken = default) => RefreshAsync(onlyIfChanged: true, cancellationToken);

    private async Task<OrderForecast?> RefreshAsync(bool onlyIfChanged, CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            return await RefreshAloneAsync(onlyIfChanged, cancellationToken);
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<OrderForecast?> RefreshAloneAsync(bool onlyIfChanged, CancellationToken cancellationToken)
    {
        int changes = Volatile.Read(ref _scheduleChanges);
        if (await _releases.GetAsync(cancellationToken) is not { } schedule)
        {
            _latest = null;
            return null;
        }

        var snapshot = (await _twin.GetSnapshotAsync(cancellationToken)).ToPlantSnapshot(_plant);
        var now = snapshot.Instant;
        var from = schedule.Orders.IsDefaultOrEmpty ? now : schedule.Orders.Min(o => o.EarliestStart);
        if (await _reports.ComputeAsync(from < now ? from : now, now, null, cancellationToken) is not { } report)
        {
            return null;
        }

        string progress = string.Join(';', report.Orders.Select(o => $"{o.Order.Id}:{o.Released}/{o.Completed}/{o.Scrapped}")) + "@" + schedule.Id;
        if (onlyIfChanged && Latest is not null && progress == _lastProgress && _madeAfterChanges == changes
            && _wall.GetElapsedTime(_lastMade) < TimeSpan.FromSeconds(_options.OrderForecastIntervalSeconds * StaleAfterIntervals))
        {
            return Latest.Value.Forecast;
        }

        // An order is followed while fewer bodies than ordered have left the plant. One that lost bodies to scrap cannot be
        // complete by this schedule (the plant releases no replacement), so it is not simulated: after the horizon.
        var followed = new List<ForecastOrder>();
        var lost = new List<ForecastOrder>();
        var bodyOrders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in report.Orders)
        {
            if (o.Completed >= o.Order.Quantity)
            {
                continue;
            }

            var order = new ForecastOrder(o.Order.Id, o.Remaining, o.Order.Due);
            (o.InProgress + Math.Max(o.Order.Quantity - o.Released, 0) >= o.Remaining ? followed : lost).Add(order);
            foreach (var body in o.Bodies)
            {
                if (body.FinishedAt is null && body.ScrappedAt is null)
                {
                    bodyOrders[body.PartId] = o.Order.Id;
                }
            }
        }

        var options = new OrderForecastOptions
        {
            Replications = _options.OrderForecastReplications,
            Seed = _options.OrderForecastSeed,
            Horizon = TimeSpan.FromHours(_options.OrderForecastHorizonHours),
        };
        long started = _wall.GetTimestamp();
        var forecast = await Task.Run(() => _forecaster.Value.Forecast(snapshot, schedule, followed, bodyOrders, options, cancellationToken), cancellationToken);
        if (lost.Count > 0)
        {
            var outlooks = forecast.Orders.ToDictionary(o => o.OrderId, StringComparer.Ordinal);
            foreach (var order in lost)
            {
                outlooks[order.Id] = new OrderCompletionOutlook(order.Id, order.Due, null, null, null, 0, 0);
            }

            forecast = forecast with { Orders = [.. report.Orders.Where(o => outlooks.ContainsKey(o.Order.Id)).Select(o => outlooks[o.Order.Id])] };
        }

        _latest = new Made(schedule.Id, forecast);
        _lastProgress = progress;
        _lastMade = _wall.GetTimestamp();
        _madeAfterChanges = changes;
        LastDuration = _wall.GetElapsedTime(started);
        Log.OrderForecastMade(_logger, forecast.Orders.Length, schedule.Id, now, forecast.Replications, LastDuration.TotalSeconds);
        return forecast;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.OrderForecast)
        {
            return;
        }

        _releases.Changed += Kick;
        try
        {
            var interval = TimeSpan.FromSeconds(_options.OrderForecastIntervalSeconds);
            while (!stoppingToken.IsCancellationRequested)
            {
                // The first waits too: the twin's silo may still be starting, and a stored schedule is forecast a minute in.
                // A forecast that took long waits longer, so that forecasting takes at most about a tenth of the machine.
                var delay = LastDuration * DutyFactor > interval ? LastDuration * DutyFactor : interval;
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                {
                    await Task.WhenAny(Task.Delay(delay, _wall, wait.Token), _kick.WaitAsync(wait.Token));
                    await wait.CancelAsync();
                }

                stoppingToken.ThrowIfCancellationRequested();
                try
                {
                    // After an import the latest forecast is of the schedule before it, unless one asked for since was made.
                    await RefreshAsync(onlyIfChanged: true, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.OrderForecastFailed(_logger, ex.Message, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            _releases.Changed -= Kick;
        }
    }

    public override void Dispose()
    {
        _kick.Dispose();
        _running.Dispose();
        base.Dispose();
    }

    private void Kick()
    {
        Interlocked.Increment(ref _scheduleChanges);
        try
        {
            _kick.Release();
        }
        catch (SemaphoreFullException)
        {
            // A refresh is already due.
        }
    }

    /// <summary>A forecast with the schedule it was made for.</summary>
    private sealed record Made(string ScheduleId, OrderForecast Forecast);
}
