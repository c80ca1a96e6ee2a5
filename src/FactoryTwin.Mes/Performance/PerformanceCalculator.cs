using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Mes.Performance;

/// <summary>
/// Plan versus actual from the historian's part events. A body belongs to an order from its release (its first event,
/// at a source or an element a source feeds): bodies are taken in release order and each goes to the first order, in
/// schedule sequence, of its variant and colour that still has room and had started (its earliest start) when the body
/// was released; a body no order wants is counted as unscheduled, and a body already in the plant when the events
/// begin is not counted. A body is produced by a line when it leaves the
/// line as output (<see cref="Line.OutputElements"/>: entering a sink, or leaving an element that hands bodies on to
/// another line or out of the plant), finished when it leaves the plant, and scrapped at a station when its last event
/// is leaving that station and it never enters anything after it.
/// </summary>
public static class PerformanceCalculator
{
    /// <summary>Computes the report.</summary>
    /// <param name="plant">The plant.</param>
    /// <param name="schedule">The schedule.</param>
    /// <param name="from">The inclusive start of the window (UTC).</param>
    /// <param name="until">The exclusive end of the window; also the instant the order status is taken at.</param>
    /// <param name="partEvents">
    /// Every part event from before the first release of the schedule's bodies up to <paramref name="until"/>, ordered by
    /// timestamp (as <c>IHistorian.QueryPartEventsAsync</c> returns them): releases before the window decide the orders.
    /// </param>
    /// <param name="states">The stations' state intervals overlapping the window.</param>
    /// <param name="quality">The known cure data by body id.</param>
    /// <param name="shift">A label of the window, or <see langword="null"/>.</param>
    /// <returns>The report.</returns>
    public static PerformanceReport Compute(
        PlantModel plant,
        ProductionSchedule schedule,
        DateTimeOffset from,
        DateTimeOffset until,
        IReadOnlyList<PartEvent> partEvents,
        IReadOnlyList<StationStateSpan> states,
        IReadOnlyDictionary<string, BodyQuality> quality,
        string? shift = null)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(partEvents);
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(quality);
        if (until < from)
        {
            throw new ArgumentException("The window ends before it starts.", nameof(until));
        }

        var topology = PlantTopology.Of(plant);
        var bodies = BodyHistory.Build(partEvents, topology, until);
        var (byOrder, unscheduled) = Assign(schedule, bodies);

        var orders = new List<OrderPerformance>(schedule.Orders.Count);
        foreach (var order in schedule.Orders)
        {
            var mine = byOrder[order.Id];
            var segments = new List<SegmentPerformance>();
            foreach (var line in topology.Lines)
            {
                int produced = 0, scrapped = 0;
                DateTimeOffset? first = null, last = null;
                foreach (var body in mine)
                {
                    foreach (var (l, at) in body.Produced)
                    {
                        if (l == line && at >= from && at < until)
                        {
                            produced++;
                            first = Min(first, at);
                            last = Max(last, at);
                        }
                    }

                    if (body.Scrap is { } s && s.Line == line && s.At >= from && s.At < until)
                    {
                        scrapped++;
                        first = Min(first, s.At);
                        last = Max(last, s.At);
                    }
                }

                if (produced + scrapped > 0)
                {
                    segments.Add(new SegmentPerformance(line, produced, scrapped, first, last));
                }
            }

            int completed = mine.Count(b => b.FinishedAt is not null);
            int scrappedTotal = mine.Count(b => b.Scrap is not null);
            var status = completed >= order.Quantity ? OrderStatus.Completed
                : until > order.Due ? OrderStatus.Late
                : mine.Count == 0 ? OrderStatus.NotStarted
                : OrderStatus.InProgress;
            orders.Add(new OrderPerformance
            {
                Order = order,
                Status = status,
                Released = mine.Count,
                Completed = completed,
                Scrapped = scrappedTotal,
                FirstReleaseAt = mine.Count > 0 ? mine[0].ReleasedAt : null,
                LastCompletionAt = mine.Where(b => b.FinishedAt is not null).Select(b => b.FinishedAt).Max(),
                Segments = segments,
                Bodies = [.. mine.Where(b => b.TouchesWindow(from, until)).Select(b => Record(b, quality.GetValueOrDefault(b.PartId), topology))],
            });
        }

        return new PerformanceReport
        {
            Id = ReportId(schedule, from, until),
            Schedule = schedule,
            From = from,
            Until = until,
            Shift = shift,
            Orders = orders,
            UnscheduledBodies = unscheduled,
            Departures = [.. bodies.Where(b => b.FinishedAt is not null).Select(b => b.FinishedAt!.Value).Order()],
            Downtime = Downtime(states, topology, from, until),
        };
    }

    private static BodyRecord Record(BodyHistory body, BodyQuality? quality, PlantTopology topology) => new(
        body.PartId,
        body.ReleasedAt,
        body.FinishedAt,
        body.Scrap?.Station,
        quality,
        (body.Reported?.Oven ?? quality?.Oven) is { } oven && topology.LineOf.TryGetValue(oven, out var line) ? line : null,
        body.Reported);

    private static (Dictionary<string, List<BodyHistory>> ByOrder, int Unscheduled) Assign(ProductionSchedule schedule, IReadOnlyList<BodyHistory> bodies)
    {
        var byOrder = schedule.Orders.Items.ToDictionary(o => o.Id, _ => new List<BodyHistory>(), StringComparer.Ordinal);
        // The orders of each (variant, colour) in schedule sequence; a body goes to the first that still wants bodies and
        // had started (its earliest start) when the body was released.
        var candidates = new Dictionary<(VariantId, ColourId), List<ProductionOrder>>();
        foreach (var order in schedule.Orders)
        {
            var key = (order.Variant, order.Colour);
            if (!candidates.TryGetValue(key, out var list))
            {
                candidates[key] = list = [];
            }

            list.Add(order);
        }

        int unscheduled = 0;
        foreach (var body in bodies)
        {
            if (!body.Released)
            {
                continue; // in the plant before the events begin: released before the schedule
            }

            var order = candidates.TryGetValue((body.Variant, body.Colour), out var list)
                ? list.Find(o => o.EarliestStart <= body.ReleasedAt && byOrder[o.Id].Count < o.Quantity)
                : null;
            if (order is null)
            {
                unscheduled++;
            }
            else
            {
                byOrder[order.Id].Add(body);
            }
        }

        return (byOrder, unscheduled);
    }

    private static List<StationDowntime> Downtime(IReadOnlyList<StationStateSpan> states, PlantTopology topology, DateTimeOffset from, DateTimeOffset until)
    {
        var totals = new Dictionary<(AssetId, StationState), (double Seconds, int Count)>();
        foreach (var span in states)
        {
            if (span.State is not (StationState.Down or StationState.Setup or StationState.Blocked or StationState.Starved))
            {
                continue;
            }

            var start = Max(span.From, from);
            var end = Min(span.Until, until);
            if (end <= start)
            {
                continue;
            }

            var key = (span.Station, span.State);
            var (seconds, count) = totals.GetValueOrDefault(key);
            totals[key] = (seconds + (end - start).TotalSeconds, count + 1);
        }

        return [.. totals
            .Where(t => topology.LineOf.ContainsKey(t.Key.Item1))
            .Select(t => new StationDowntime(topology.LineOf[t.Key.Item1], t.Key.Item1, t.Key.Item2, t.Value.Seconds, t.Value.Count))
            .OrderBy(d => topology.Order[d.Station])
            .ThenBy(d => d.Reason)];
    }

    private static string ReportId(ProductionSchedule schedule, DateTimeOffset from, DateTimeOffset until) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(schedule.Id.Length > 0 ? schedule.Id : "schedule")}-{from.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{until.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
