using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using FactoryTwin.Server.Components.Dashboard.Data;
using FactoryTwin.Server.Components.Dashboard.Layout;

namespace FactoryTwin.Dashboard.Tests.TestSupport;

/// <summary>Dashboard data a test sets by hand, over the automotive sample plant; records the commands it receives.</summary>
internal sealed class FakeDashboardData : IDashboardData
{
    private static readonly Lazy<PlantModel> Automotive = new(() =>
        PlantLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "plants", "automotive.yaml")).Model
        ?? throw new InvalidOperationException("the automotive sample does not load"));

    public FakeDashboardData()
    {
        Plant = Automotive.Value;
        Layout = PlantLayoutBuilder.Build(Plant);
        Live = new PlantLive(Now, new Dictionary<string, AssetLive>(), [], []);
    }

    public static DateTimeOffset Now { get; } = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    public PlantModel Plant { get; }

    public PlantLayout Layout { get; }

    public PlantLive Live { get; set; }

    public StationDetail? Station { get; set; }

    public OvenLive? Oven { get; set; }

    public BodyCurves? Curves { get; set; }

    public ForecastLive? Forecast { get; set; }

    public List<AlarmItem> Alarms { get; } = [];

    public List<(string Series, DateTimeOffset Since, DateTimeOffset Until)> TrendRequests { get; } = [];

    public List<(string Command, AlarmItem Alarm, string User)> Commands { get; } = [];

    public int PlantReads { get; private set; }

    private readonly List<Func<DashboardChange, Task>> _watchers = [];

    /// <summary>Gets the number of pages watching for changes.</summary>
    public int Watchers => _watchers.Count;

    public IDisposable Watch(Func<DashboardChange, Task> changed)
    {
        _watchers.Add(changed);
        return new Unwatch(() => _watchers.Remove(changed));
    }

    /// <summary>Announces a change to every watching page, as the twin's change feed would.</summary>
    public async Task AnnounceAsync(DashboardChange change)
    {
        foreach (var watcher in _watchers.ToArray())
        {
            await watcher(change);
        }
    }

    private sealed class Unwatch(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }

    /// <summary>Gets or sets a gate that holds plant reads back until it completes (a slow first load).</summary>
    public TaskCompletionSource? PlantGate { get; set; }

    public async Task<PlantLive> GetPlantAsync(CancellationToken cancellationToken = default)
    {
        PlantReads++;
        if (PlantGate is { } gate)
        {
            await gate.Task;
        }

        return Live;
    }

    public Task<StationDetail?> GetStationAsync(string asset, CancellationToken cancellationToken = default) =>
        Task.FromResult(Station?.Live.Asset == asset ? Station : null);

    public Task<TrendSeries> GetTrendAsync(string series, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        TrendRequests.Add((series, since, until));
        var bucket = TrendBuckets.For(until - since);
        var points = new List<TrendPoint>();
        var i = 0;
        for (var t = since; t < until && i < 50; t += bucket, i++)
        {
            points.Add(new TrendPoint(t, 400 + i, 401 + i, 402 + i));
        }

        return Task.FromResult(new TrendSeries(series, since, until, bucket, points));
    }

    public Task<OvenLive?> GetOvenAsync(string oven, CancellationToken cancellationToken = default) =>
        Task.FromResult(Oven?.Oven == oven ? Oven : null);

    public Task<BodyCurves?> GetBodyCurvesAsync(string oven, string body, CancellationToken cancellationToken = default) =>
        Task.FromResult(Curves?.Body == body ? Curves : null);

    public Task<ForecastLive?> GetForecastAsync(CancellationToken cancellationToken = default) => Task.FromResult(Forecast);

    public Task<IReadOnlyList<AlarmItem>> GetAlarmsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AlarmItem>>([.. Alarms]);

    public Task<AlarmCommandOutcome> AcknowledgeAsync(AlarmItem alarm, string user, string? comment, CancellationToken cancellationToken = default)
    {
        Commands.Add(("ack", alarm, user));
        var i = Alarms.FindIndex(a => a.Alarm == alarm.Alarm && a.Asset == alarm.Asset);
        Alarms[i] = Alarms[i] with { State = AlarmLifecycle.ActiveAcknowledged, AcknowledgedBy = user };
        return Task.FromResult(new AlarmCommandOutcome(true, null));
    }

    public Task<AlarmCommandOutcome> ShelveAsync(AlarmItem alarm, string user, TimeSpan duration, string? comment, CancellationToken cancellationToken = default)
    {
        Commands.Add(("shelve", alarm, user));
        return Task.FromResult(new AlarmCommandOutcome(false, "shelving refused by the twin"));
    }
}
