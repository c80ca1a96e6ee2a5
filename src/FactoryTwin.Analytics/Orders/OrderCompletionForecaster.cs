using System.Collections.Immutable;
using FactoryTwin.Plant.Releases;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Analytics.Orders;

/// <summary>
/// Forecasts when each open order of a schedule will be complete: Monte Carlo replications of the plant simulation
/// warm-started from a <see cref="PlantSnapshot"/> (as the shift forecast), with every source releasing by the schedule
/// through the rule the virtual plant follows (<see cref="ScheduleReleasePlan"/>), each run until every open order's last
/// body has left the plant or the horizon (<see cref="PlantSimulation.RunOrders"/>). Per order it reports the median
/// completion, an interval of the order statistics and the probability of meeting the due time. Replication i uses the
/// random streams of (seed, i) and writes slot i, so the forecast does not depend on the number of threads.
/// Thread-safe.
/// </summary>
public sealed class OrderCompletionForecaster
{
    private readonly PlantSimulation _simulation;

    /// <summary>Creates a forecaster for a plant simulation.</summary>
    /// <param name="simulation">The plant simulation (built by <see cref="PlantSimulationBuilder"/>).</param>
    public OrderCompletionForecaster(PlantSimulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        _simulation = simulation;
    }

    /// <summary>Forecasts the completion of <paramref name="orders"/>.</summary>
    /// <param name="snapshot">The plant state now.</param>
    /// <param name="schedule">The schedule the plant releases by, with the bodies each order already has (<see cref="ReleaseOrder.Released"/>).</param>
    /// <param name="orders">The open orders to follow, in schedule sequence.</param>
    /// <param name="bodyOrders">The order of each body in the plant now, by body id (the bodies of the snapshot that belong to an order).</param>
    /// <param name="options">Replications, seed, horizon; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the forecast.</param>
    /// <returns>The forecast.</returns>
    /// <exception cref="ArgumentException">The snapshot does not fit the plant.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public OrderForecast Forecast(
        PlantSnapshot snapshot,
        ReleaseSchedule schedule,
        IReadOnlyList<ForecastOrder> orders,
        IReadOnlyDictionary<string, string> bodyOrders,
        OrderForecastOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(bodyOrders);
        options ??= new OrderForecastOptions();
        Validate(options);

        int n = options.Replications, m = orders.Count;
        double horizon = options.Horizon.TotalSeconds;
        var tracking = new PlantOrderTracking([.. orders.Select(o => o.Id)], [.. orders.Select(o => o.Outstanding)], bodyOrders);
        var instant = snapshot.Instant;
        double t0 = _simulation.SimulationTimeOf(instant);
        DateTimeOffset InstantOf(double t) => instant.AddSeconds(t - t0);
        double SecondOf(DateTimeOffset at) => t0 + (at - instant).TotalSeconds;

        // Slot [i, k]: seconds after the snapshot at which order k was complete in replication i (+∞: not by the horizon).
        var completion = new double[n * m];
        if (m > 0)
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
            Parallel.For(0, n, parallel, i =>
            {
                var plan = new ScheduleReleasePlan(_simulation.Plant, schedule, InstantOf, SecondOf);
                _simulation.RunOrders(snapshot, plan, tracking, options.Seed, i, horizon, completion.AsSpan(i * m, m), cancellationToken);
            });
        }

        var column = new double[n];
        var outlooks = ImmutableArray.CreateBuilder<OrderCompletionOutlook>(m);
        double low = (1 - options.Coverage) / 2, high = (1 + options.Coverage) / 2;
        for (int k = 0; k < m; k++)
        {
            int onTime = 0, complete = 0;
            double due = (orders[k].Due - instant).TotalSeconds;
            for (int i = 0; i < n; i++)
            {
                double c = completion[(i * m) + k];
                column[i] = c;
                complete += double.IsFinite(c) ? 1 : 0;
                onTime += c <= due ? 1 : 0;
            }

            Array.Sort(column);
            DateTimeOffset? At(double p) => Quantile(column, p) is var q && double.IsFinite(q) ? instant.AddSeconds(q) : null;
            outlooks.Add(new OrderCompletionOutlook(orders[k].Id, orders[k].Due, At(0.5), At(low), At(high), (double)onTime / n, (double)complete / n));
        }

        return new OrderForecast(instant, instant + options.Horizon, n, options.Seed, options.Coverage, outlooks.MoveToImmutable());
    }

    private static void Validate(OrderForecastOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Replications, 1, nameof(options));
        if (!(options.Coverage > 0 && options.Coverage < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Coverage, "Coverage must lie in (0, 1).");
        }

        if (options.Horizon <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Horizon, "Horizon must be positive.");
        }

        if (options.MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be -1 or positive.");
        }
    }

    /// <summary>
    /// Empirical quantile of sorted values, linear between order statistics (Hyndman and Fan 1996, type 7, as the shift
    /// forecast); +∞ (not complete by the horizon) when either order statistic it rests on is.
    /// </summary>
    private static double Quantile(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        if (double.IsPositiveInfinity(sorted[lo]) || (h > lo && double.IsPositiveInfinity(sorted[hi])))
        {
            return double.PositiveInfinity;
        }

        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
