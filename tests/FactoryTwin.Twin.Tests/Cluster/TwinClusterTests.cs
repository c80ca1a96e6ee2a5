using FactoryTwin.Historian;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Feeding;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Twin.Tests.Cluster;

public sealed class TwinClusterTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ft-twin-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(T0);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static TelemetryBatch Batch(DateTimeOffset at, params (string Asset, string Channel, double Value)[] points) =>
        new([.. points.Select((p, i) => new SeriesPoint(SeriesId.Of(new AssetId(p.Asset), p.Channel), at, p.Value, i))], []);

    [Fact]
    public async Task Cluster_StopOneSilo_TwinsReactivateOnTheOtherWithStateAndKeepReceiving()
    {
        var plant = TestPlants.Automotive;
        var cluster = await TwinSilo.StartAsync(2, _folder, _time, plant);
        try
        {
            var observer = new TwinTelemetryObserver(cluster.Client, new PlantIndex(plant), NullLogger<TwinTelemetryObserver>.Instance);
            var stations = plant.Lines().SelectMany(l => l.Stations).Select(s => s.Id.Value).ToArray();
            var points = stations.SelectMany(s => new[] { (s, "state", (double)(int)StationState.Working), (s, "good", 10d) }).ToArray();
            await observer.OnCommittedAsync(Batch(T0, points), TestContext.Current.CancellationToken);

            var hosts = new Dictionary<string, string>();
            foreach (var s in stations)
            {
                hosts[s] = await cluster.Client.GetGrain<IAssetTwinGrain>(s).GetHostAsync(TestContext.Current.CancellationToken);
            }

            Assert.Equal(2, hosts.Values.Distinct().Count());
            var stopped = cluster.SecondarySilos[0];
            var moved = hosts.Where(h => h.Value == stopped.SiloAddress.ToString()).Select(h => h.Key).ToArray();
            Assert.NotEmpty(moved);
            await cluster.StopSiloAsync(stopped, TestContext.Current.CancellationToken);

            foreach (var s in moved)
            {
                var grain = cluster.Client.GetGrain<IAssetTwinGrain>(s);
                var view = await grain.GetViewAsync(TestContext.Current.CancellationToken);
                Assert.Equal(StationState.Working, view.State);
                Assert.Equal(10, view.GoodTotal);
                Assert.NotEqual(stopped.SiloAddress.ToString(), await grain.GetHostAsync(TestContext.Current.CancellationToken));
            }

            _time.Advance(TimeSpan.FromMinutes(1));
            await observer.OnCommittedAsync(Batch(T0.AddMinutes(1), [.. moved.Select(s => (s, "good", 15d))]), TestContext.Current.CancellationToken);
            foreach (var s in moved)
            {
                var view = await cluster.Client.GetGrain<IAssetTwinGrain>(s).GetViewAsync(TestContext.Current.CancellationToken);
                Assert.Equal(15, view.GoodTotal);
                Assert.Equal(15, view.Kpi.Good);
            }
        }
        finally
        {
            await cluster.StopAllSilosAsync(TestContext.Current.CancellationToken);
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Host_Restart_KeepsLiveStateOpenAlarmsAndCounters()
    {
        var plant = TestPlants.Automotive;
        var cluster = await TwinSilo.StartAsync(1, _folder, _time, plant);
        AssetTwinView before;
        LineTwinView lineBefore;
        try
        {
            var observer = new TwinTelemetryObserver(cluster.Client, new PlantIndex(plant), NullLogger<TwinTelemetryObserver>.Instance);
            await observer.OnCommittedAsync(
                new TelemetryBatch(
                    [
                        new SeriesPoint(SeriesId.Of(new AssetId("ecoat-oven"), "ecoat-oven-z2-air"), T0, 490, 1),
                        new SeriesPoint(SeriesId.Of(new AssetId("ecoat-oven"), "state"), T0, (int)StationState.Working, 2),
                        new SeriesPoint(SeriesId.Of(new AssetId("ecoat-oven"), "good"), T0, 42, 3),
                    ],
                    [new PartEvent(new AssetId("pretreatment"), T0, PartEventKind.Enter, "B-7", new VariantId("sedan"), new ColourId("white"), 4)]),
                TestContext.Current.CancellationToken);
            var grain = cluster.Client.GetGrain<IAssetTwinGrain>("ecoat-oven");
            var ack = await grain.AcknowledgeAlarmAsync("ecoat-z2-high", "olga", "checking burner", TestContext.Current.CancellationToken);
            Assert.True(ack.Succeeded, ack.Error);
            before = await grain.GetViewAsync(TestContext.Current.CancellationToken);
            lineBefore = await cluster.Client.GetGrain<ILineTwinGrain>("paint").GetViewAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            await cluster.StopAllSilosAsync(TestContext.Current.CancellationToken);
            await cluster.DisposeAsync();
        }

        var restarted = await TwinSilo.StartAsync(1, _folder, _time, plant);
        try
        {
            var after = await restarted.Client.GetGrain<IAssetTwinGrain>("ecoat-oven").GetViewAsync(TestContext.Current.CancellationToken);
            Assert.Equal(before.State, after.State);
            Assert.Equal(42, after.GoodTotal);
            Assert.Equal(before.Kpi, after.Kpi);
            Assert.Equal(before.Measurements, after.Measurements);
            var alarm = Assert.Single(after.Alarms);
            Assert.Equal(AlarmState.ActiveAcknowledged, alarm.State);
            Assert.Equal("olga", alarm.AcknowledgedBy);
            Assert.Equal("checking burner", alarm.Comment);
            var lineAfter = await restarted.Client.GetGrain<ILineTwinGrain>("paint").GetViewAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1, lineBefore.Wip);
            Assert.Equal(lineBefore.Wip, lineAfter.Wip);
        }
        finally
        {
            await restarted.StopAllSilosAsync(TestContext.Current.CancellationToken);
            await restarted.DisposeAsync();
        }
    }

    [Fact]
    public async Task Grains_EveryMethod_AnswersAcrossTheWire()
    {
        var plant = TestPlants.Automotive;
        await using var historian = HistorianFactory.Create(new HistorianOptions { DataFolder = Path.Combine(_folder, "historian") }, _time);
        var cluster = await TwinSilo.StartAsync(1, _folder, _time, plant, historian);
        try
        {
            var ct = TestContext.Current.CancellationToken;
            var respot = cluster.Client.GetGrain<IAssetTwinGrain>("respot");
            await respot.ApplyAsync(new AssetTelemetry([new TwinPoint("state", T0, (int)StationState.Down)], [new TwinPartEvent("respot", T0, false, "B-1", "sedan", "white")]), ct);
            _time.Advance(TimeSpan.FromMinutes(11));
            await respot.EvaluateAsync(ct);
            var alarms = await respot.GetAlarmsAsync(ct);
            Assert.Equal(AlarmState.ActiveUnacknowledged, Assert.Single(alarms, a => a.Alarm == "respot-down-long").State);

            var refused = await respot.AcknowledgeAlarmAsync("respot-down-long", "", null, ct);
            Assert.False(refused.Succeeded);
            Assert.Contains("user", refused.Error, StringComparison.Ordinal);
            var unknown = await respot.AcknowledgeAlarmAsync("no-such-alarm", "olga", null, ct);
            Assert.False(unknown.Succeeded);
            Assert.Contains("no-such-alarm", unknown.Error, StringComparison.Ordinal);

            var shelved = await respot.ShelveAlarmAsync("respot-down-long", "olga", TimeSpan.FromMinutes(5), "robot maintenance", ct);
            Assert.Equal(AlarmState.Shelved, shelved.Alarm!.State);
            var unshelved = await respot.UnshelveAlarmAsync("respot-down-long", "olga", ct);
            Assert.Equal(AlarmState.ActiveUnacknowledged, unshelved.Alarm!.State);
            var shelvedAgain = await respot.ShelveAlarmAsync("respot-down-long", "olga", TimeSpan.FromMinutes(5), null, ct);
            Assert.True(shelvedAgain.Succeeded);
            _time.Advance(TimeSpan.FromMinutes(6));
            await respot.EvaluateAsync(ct);
            Assert.Equal(AlarmState.ActiveUnacknowledged, (await respot.GetAlarmsAsync(ct)).Single(a => a.Alarm == "respot-down-long").State);

            var kpi = await respot.GetKpiAsync(ct);
            Assert.Equal(17 * 60, kpi.PlannedSeconds, 6);
            var view = await respot.GetViewAsync(ct);
            Assert.Single(view.Bodies);
            Assert.False(string.IsNullOrEmpty(await respot.GetHostAsync(ct)));

            var line = cluster.Client.GetGrain<ILineTwinGrain>("body");
            await line.ApplyPartsAsync([new TwinPartEvent("underbody", T0, false, "B-1", "sedan", "white")], ct);
            var lineView = await line.GetViewAsync(ct);
            Assert.Equal(1, lineView.Wip);
            Assert.Contains(lineView.Stations, s => s.Station == "respot" && s.State == StationState.Down);

            var plantGrain = cluster.Client.GetGrain<IPlantTwinGrain>(plant.Site.Id.Value);
            var lines = await plantGrain.GetLinesAsync(ct);
            Assert.Equal(plant.Lines().Count(), lines.Length);
            var active = await plantGrain.GetActiveAlarmsAsync(ct);
            Assert.Contains(active, a => a.Alarm == "respot-down-long" && a.Asset == "respot");

            var snapshot = await plantGrain.GetSnapshotAsync(ct);
            Assert.Equal(_time.GetUtcNow(), snapshot.Instant);
            var respotInSnapshot = Assert.Single(snapshot.Assets, a => a.Asset == "respot");
            Assert.Equal(StationState.Down, respotInSnapshot.State);
            Assert.Single(respotInSnapshot.Bodies);
            Assert.Equal(plant.Lines().Count(), snapshot.Lines.Length);

            var forecast = await plantGrain.RefreshForecastAsync(ct);
            Assert.Equal(40, forecast.Replications);
            Assert.Equal(snapshot.Instant, forecast.MadeAt);
            Assert.True(forecast.ShiftEnd > forecast.MadeAt);
            Assert.Equal(plant.Lines().Count(), forecast.Lines.Length);
            Assert.All(forecast.Lines, l => Assert.InRange(l.Output.Expected, l.Output.Lower, l.Output.Upper));
            var cached = await plantGrain.GetForecastAsync(ct);
            Assert.NotNull(cached);
            Assert.Equal(forecast.MadeAt, cached.MadeAt);
            Assert.Equal(forecast.Plant, cached.Plant);

            var history = await ((IAlarmHistory)historian).QueryAlarmEventsAsync(T0, _time.GetUtcNow().AddSeconds(1), "respot", "respot-down-long", ct);
            Assert.Equal(["raised", "shelved", "unshelved", "shelved", "shelve-expired"], history.Select(e => e.Event));
            Assert.Equal("olga", history[1].User);
            Assert.Equal("robot maintenance", history[1].Comment);
            Assert.Equal("active-unacknowledged", history[^1].State);
        }
        finally
        {
            await cluster.StopAllSilosAsync(TestContext.Current.CancellationToken);
            await cluster.DisposeAsync();
        }
    }
}
