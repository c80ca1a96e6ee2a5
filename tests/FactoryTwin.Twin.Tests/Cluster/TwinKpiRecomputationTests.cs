using FactoryTwin.Historian;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Assets;
using FactoryTwin.Twin.Feeding;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Twin.Tests.Cluster;

/// <summary>Emulates four hours of the body line, feeds it to a real DuckDB historian and the twins, and recomputes the KPIs from the historian.</summary>
public sealed class TwinKpiRecomputationTests : IAsyncDisposable
{
    // Monday 30 Nov 2026: the early shift (06:00-14:00 Berlin) starts at 05:00 UTC.
    private static readonly DateTimeOffset ShiftStart = new(2026, 11, 30, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AsOf = ShiftStart.AddHours(4);
    private static readonly string[] Stations = ["underbody", "framing-sedan", "framing-suv", "respot", "closures", "metal-finish"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ft-twin-kpi-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(AsOf);

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task EmulatedShift_TwinKpis_EqualRecomputationFromHistorian()
    {
        var ct = TestContext.Current.CancellationToken;
        var plant = TestPlants.Automotive;
        var index = new PlantIndex(plant);
        var (points, parts) = EmulateBodyLine(seed: 20261130);
        await using var historian = HistorianFactory.Create(new HistorianOptions { DataFolder = Path.Combine(_folder, "historian") }, _time);
        var cluster = await TwinSilo.StartAsync(1, Path.Combine(_folder, "twin"), _time, plant);
        try
        {
            var observer = new TwinTelemetryObserver(cluster.Client, index, NullLogger<TwinTelemetryObserver>.Instance);
            foreach (var batch in Batches(points, parts, 64))
            {
                await historian.AppendAsync(batch, ct);
                await observer.OnCommittedAsync(batch, ct);
            }

            foreach (var station in Stations)
            {
                var live = await cluster.Client.GetGrain<IAssetTwinGrain>(station).GetKpiAsync(ct);
                var recomputed = await RecomputeAsync(historian, index.Asset(station), ct);
                Assert.Equal(recomputed.ShiftStart, live.ShiftStart);
                Assert.Equal(recomputed.Good, live.Good);
                Assert.Equal(recomputed.Scrap, live.Scrap);
                Assert.Equal(recomputed.PlannedSeconds, live.PlannedSeconds, 6);
                Assert.Equal(recomputed.WorkingSeconds, live.WorkingSeconds, 6);
                Assert.Equal(recomputed.Oee, live.Oee, 9);
                Assert.Equal(recomputed.ThroughputLastHour, live.ThroughputLastHour);
                Assert.True(live.Good > 0, station + " made nothing: the emulation is too short to test anything");
            }

            var line = await cluster.Client.GetGrain<ILineTwinGrain>("body").GetViewAsync(ct);
            var events = await historian.QueryPartEventsAsync(ShiftStart.AddDays(-1), AsOf, cancellationToken: ct);
            var exits = events.Where(e => e.Asset.Value == "biw-store" && e.Kind == PartEventKind.Exit && e.Timestamp >= ShiftStart).ToList();
            var entered = events.Where(e => e.Asset.Value == "underbody" && e.Kind == PartEventKind.Enter).ToDictionary(e => e.PartId, e => e.Timestamp);
            Assert.Equal(exits.Count, line.OutputShift);
            Assert.Equal(entered.Count - exits.Count, line.Wip);
            Assert.Equal(exits.Average(e => (e.Timestamp - entered[e.PartId]).TotalSeconds), line.MeanLeadTimeSeconds, 6);
            Assert.Equal(exits.Count(e => e.Timestamp >= AsOf.AddMinutes(-59)), line.ThroughputLastHour);
        }
        finally
        {
            await cluster.StopAllSilosAsync(ct);
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task TelemetryStoredAfterTheTwinsLastSavedState_IsCaughtUpFromTheHistorianOnActivation()
    {
        // A node dies: its twins had saved their state a few seconds before, and the telemetry after that is only in the
        // historian (every acknowledged message is). Here the twins get the first 70 % of the shift's batches and save
        // it on deactivation; the rest goes to the historian only. The next call activates them again, as on a survivor.
        var ct = TestContext.Current.CancellationToken;
        var plant = TestPlants.Automotive;
        var index = new PlantIndex(plant);
        var (points, parts) = EmulateBodyLine(seed: 20261206);
        await using var historian = HistorianFactory.Create(new HistorianOptions { DataFolder = Path.Combine(_folder, "historian") }, _time);
        var cluster = await TwinSilo.StartAsync(1, Path.Combine(_folder, "twin"), _time, plant, historian);
        try
        {
            var observer = new TwinTelemetryObserver(cluster.Client, index, NullLogger<TwinTelemetryObserver>.Instance);
            var batches = Batches(points, parts, 64).ToList();
            var cut = batches.Count * 7 / 10;
            for (var i = 0; i < batches.Count; i++)
            {
                await historian.AppendAsync(batches[i], ct);
                if (i < cut)
                {
                    await observer.OnCommittedAsync(batches[i], ct);
                }
            }

            var saved = new Dictionary<string, long>();
            foreach (var station in Stations)
            {
                saved[station] = (await cluster.Client.GetGrain<IAssetTwinGrain>(station).GetKpiAsync(ct)).Good;
            }

            await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, ct);

            var made = new Dictionary<string, long>();
            foreach (var station in Stations)
            {
                var live = await cluster.Client.GetGrain<IAssetTwinGrain>(station).GetKpiAsync(ct);
                var recomputed = await RecomputeAsync(historian, index.Asset(station), ct);
                made[station] = recomputed.Good;
                Assert.Equal(recomputed.Good, live.Good);
                Assert.Equal(recomputed.Scrap, live.Scrap);
                Assert.Equal(recomputed.WorkingSeconds, live.WorkingSeconds, 6);
                Assert.Equal(recomputed.Oee, live.Oee, 9);
                Assert.Equal(recomputed.ThroughputLastHour, live.ThroughputLastHour);
            }

            // The last 30 % made parts: without the catch-up the twins would show the saved counts.
            Assert.All(Stations, s => Assert.True(saved[s] < made[s], $"{s}: {saved[s]} saved, {made[s]} made"));
        }
        finally
        {
            await cluster.StopAllSilosAsync(ct);
            await cluster.DisposeAsync();
        }
    }

    private static async Task<StationKpi> RecomputeAsync(IHistorian historian, AssetInfo asset, CancellationToken ct)
    {
        var seconds = new double[6];
        var asAsset = new AssetId(asset.Id);
        foreach (var interval in await historian.QueryStateIntervalsAsync(SeriesId.Of(asAsset, SeriesId.StateChannel), ShiftStart, AsOf, ct))
        {
            seconds[(int)interval.State] += interval.Duration.TotalSeconds;
        }

        async Task<long> CountAsync(string channel)
        {
            var series = SeriesId.Of(asAsset, channel);
            var before = await historian.QueryRangeAsync(series, ShiftStart.AddDays(-7), ShiftStart, ct);
            var until = await historian.QueryRangeAsync(series, ShiftStart.AddDays(-7), AsOf, ct);
            return (long)((until.Count > 0 ? until[^1].Value : 0) - (before.Count > 0 ? before[^1].Value : 0));
        }

        // Good parts per whole minute of the last hour, as the twin counts them.
        var goods = await historian.QueryRangeAsync(SeriesId.Of(asAsset, SeriesId.GoodChannel), ShiftStart, AsOf, ct);
        var firstMinute = (AsOf.ToUnixTimeSeconds() / 60) - 59;
        long lastHour = 0;
        for (var i = 1; i < goods.Count; i++)
        {
            if (goods[i].Timestamp.ToUnixTimeSeconds() / 60 >= firstMinute)
            {
                lastHour += (long)(goods[i].Value - goods[i - 1].Value);
            }
        }

        var good = await CountAsync(SeriesId.GoodChannel);
        var scrap = await CountAsync(SeriesId.ScrapChannel);
        return OeeCalculator.Compute(ShiftStart, AsOf, seconds, good, scrap, asset.IdealCycleTime, lastHour);
    }

    private static (List<SeriesPoint> Points, List<PartEvent> Parts) EmulateBodyLine(int seed)
    {
        var random = new Random(seed);
        var points = new List<SeriesPoint>();
        var parts = new List<PartEvent>();
        long seq = 0;
        foreach (var station in Stations)
        {
            var asset = new AssetId(station);
            var t = ShiftStart.AddMinutes(random.Next(1, 10));
            long good = 0, scrap = 0;
            points.Add(new SeriesPoint(SeriesId.Of(asset, SeriesId.GoodChannel), t, 0, seq++));
            points.Add(new SeriesPoint(SeriesId.Of(asset, SeriesId.ScrapChannel), t, 0, seq++));
            while (t < AsOf.AddMinutes(-1))
            {
                var state = random.NextDouble() switch
                {
                    < 0.6 => StationState.Working,
                    < 0.7 => StationState.Starved,
                    < 0.8 => StationState.Blocked,
                    < 0.9 => StationState.Down,
                    < 0.95 => StationState.Setup,
                    _ => StationState.OffShift,
                };
                points.Add(new SeriesPoint(SeriesId.Of(asset, SeriesId.StateChannel), t, (int)state, seq++));
                var span = TimeSpan.FromSeconds(random.Next(30, 900));
                if (state == StationState.Working)
                {
                    for (var c = t.AddSeconds(random.Next(20, 90)); c < t + span && c < AsOf; c = c.AddSeconds(random.Next(20, 90)))
                    {
                        if (random.NextDouble() < 0.03)
                        {
                            points.Add(new SeriesPoint(SeriesId.Of(asset, SeriesId.ScrapChannel), c, ++scrap, seq++));
                        }
                        else
                        {
                            points.Add(new SeriesPoint(SeriesId.Of(asset, SeriesId.GoodChannel), c, ++good, seq++));
                        }
                    }
                }

                t += span;
            }
        }

        for (var b = 0; b < 300; b++)
        {
            var enter = ShiftStart.AddSeconds(random.Next(0, (int)(AsOf - ShiftStart).TotalSeconds));
            var id = "B-" + b.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            parts.Add(new PartEvent(new AssetId("underbody"), enter, PartEventKind.Enter, id, new VariantId("sedan"), new ColourId("white"), seq++));
            var exit = enter.AddSeconds(random.Next(1200, 3600));
            if (exit < AsOf)
            {
                parts.Add(new PartEvent(new AssetId("biw-store"), exit, PartEventKind.Exit, id, new VariantId("sedan"), new ColourId("white"), seq++));
            }
        }

        return (points, parts);
    }

    private static IEnumerable<TelemetryBatch> Batches(List<SeriesPoint> points, List<PartEvent> parts, int size)
    {
        // Time order, as gateways publish; each batch carries what happened in its slice of time.
        var items = points.Select(p => (p.Timestamp, (object)p)).Concat(parts.Select(e => (e.Timestamp, (object)e))).OrderBy(x => x.Timestamp).ToList();
        for (var i = 0; i < items.Count; i += size)
        {
            var slice = items.Skip(i).Take(size).ToList();
            yield return new TelemetryBatch([.. slice.Select(x => x.Item2).OfType<SeriesPoint>()], [.. slice.Select(x => x.Item2).OfType<PartEvent>()]);
        }
    }
}
