using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Historian.Tests;

/// <summary>The alarm history every historian must keep; DuckDB and PostgreSQL test classes derive from this one.</summary>
public abstract class AlarmHistoryConformanceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);
    private readonly List<IHistorian> _created = [];

    protected FakeTimeProvider Time { get; } = new(T0.AddDays(1));

    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "factorytwin-alarms-" + Guid.NewGuid().ToString("N"));

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var historian in _created)
        {
            await historian.DisposeAsync();
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    protected abstract ValueTask<IHistorian> CreateStoreAsync(HistorianOptions options);

    private async Task<IAlarmHistory> CreateAsync()
    {
        var historian = await CreateStoreAsync(new HistorianOptions());
        _created.Add(historian);
        return Assert.IsAssignableFrom<IAlarmHistory>(historian);
    }

    private static AlarmEventRecord Event(int minute, string alarm, string ev, string state, string? user = null, string? comment = null, double? value = null) =>
        new(T0.AddMinutes(minute).AddTicks(10), "ecoat-oven", alarm, ev, state, 2, "E-coat oven zone 2 air too hot", value, user, comment);

    [Fact]
    public async Task QueryAlarmEventsAsync_AfterAppend_ReturnsEveryFieldInTimeThenAppendOrder()
    {
        var history = await CreateAsync();
        var raised = Event(0, "z2-high", "raised", "active-unacknowledged", value: 485.2);
        var acked = Event(1, "z2-high", "acknowledged", "active-acknowledged", "olga", "burner checked");
        var sameInstant = acked with { Event = "cleared", State = "normal", User = null, Comment = null };
        await history.AppendAlarmEventsAsync([raised, acked], TestContext.Current.CancellationToken);
        await history.AppendAlarmEventsAsync([sameInstant], TestContext.Current.CancellationToken);

        var events = await history.QueryAlarmEventsAsync(T0, T0.AddHours(1), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([raised, acked, sameInstant], events);
    }

    [Fact]
    public async Task QueryAlarmEventsAsync_ByAssetAlarmAndRange_FiltersHalfOpen()
    {
        var history = await CreateAsync();
        var a = Event(0, "z2-high", "raised", "active-unacknowledged");
        var b = Event(5, "z3-low", "raised", "active-unacknowledged");
        var c = Event(10, "z2-high", "cleared", "cleared-unacknowledged") with { Asset = "topcoat-oven" };
        await history.AppendAlarmEventsAsync([a, b, c], TestContext.Current.CancellationToken);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal([a], await history.QueryAlarmEventsAsync(T0, T0.AddHours(1), alarm: "z2-high", asset: "ecoat-oven", cancellationToken: ct));
        Assert.Equal([a, b], await history.QueryAlarmEventsAsync(T0, T0.AddHours(1), asset: "ecoat-oven", cancellationToken: ct));
        Assert.Equal([b], await history.QueryAlarmEventsAsync(b.Timestamp, c.Timestamp, cancellationToken: ct));
        Assert.Empty(await history.QueryAlarmEventsAsync(T0, T0.AddHours(1), asset: "respot", cancellationToken: ct));
    }

    [Fact]
    public async Task QueryAlarmEventsAsync_EmptyStore_ReturnsNothing()
    {
        var history = await CreateAsync();
        Assert.Empty(await history.QueryAlarmEventsAsync(T0, T0.AddDays(1), cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AppendAlarmEventsAsync_EventWithoutAlarmId_ThrowsNamingTheEvent()
    {
        var history = await CreateAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => history.AppendAlarmEventsAsync([Event(0, "", "raised", "active-unacknowledged")], TestContext.Current.CancellationToken));
        Assert.Contains("alarm event 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAlarmEventsAsync_UntilBeforeSince_Throws()
    {
        var history = await CreateAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => history.QueryAlarmEventsAsync(T0, T0.AddHours(-1), cancellationToken: TestContext.Current.CancellationToken));
    }
}
