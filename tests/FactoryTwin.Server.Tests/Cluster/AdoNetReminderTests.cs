using FactoryTwin.Historian.Tests.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>
/// Orleans' ADO.NET reminder provider 10.4.2 on FactoryTwin's reminder schema (Cluster/Sql/0004-orleans-reminders.sql) in a
/// real PostgreSQL: reminders registered, fired and unregistered by grains, taken over by the silo that inherits a
/// stopped silo's ring range, and the provider's ring-range reads (including the range that wraps around) and etags.
/// </summary>
public sealed class AdoNetReminderTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reminder_Registered_IsListedFiresAndIsUnregistered()
    {
        var connectionString = await AdoNetSilo.CreateDatabaseAsync(postgres, Ct);
        await using var silo = await AdoNetSilo.StartAsync(connectionString, AdoNetSilo.NewClusterId(), Ct);
        var key = "probe-" + Guid.NewGuid().ToString("N");
        var grain = silo.Grains.GetGrain<IReminderProbeGrain>(key);
        var table = silo.Services.GetRequiredService<IReminderTable>();

        await grain.RegisterAsync("tick", TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(["tick"], await grain.ListAsync(Ct));
        var row = await table.ReadRow(grain.GetGrainId(), "tick", Ct);
        Assert.NotNull(row);
        Assert.Equal(TimeSpan.FromSeconds(1), row.Period);

        await Poll.UntilAsync(() => ReminderTicks.Of(key).Count >= 2, Wait, () => $"{ReminderTicks.Of(key).Count} ticks", Ct);

        Assert.True(await grain.UnregisterAsync("tick", Ct));
        Assert.Empty(await grain.ListAsync(Ct));
        Assert.Null(await table.ReadRow(grain.GetGrainId(), "tick", Ct));
        Assert.False(await grain.UnregisterAsync("tick", Ct));
    }

    [Fact]
    public async Task Reminder_OfAStoppedSilo_FiresOnTheSiloThatTakesOverItsGrains()
    {
        var connectionString = await AdoNetSilo.CreateDatabaseAsync(postgres, Ct);
        var cluster = AdoNetSilo.NewClusterId();
        await using var a = await AdoNetSilo.StartAsync(connectionString, cluster, Ct);
        await using var b = await AdoNetSilo.StartAsync(connectionString, cluster, Ct);
        var key = "probe-" + Guid.NewGuid().ToString("N");
        await a.Grains.GetGrain<IReminderProbeGrain>(key).RegisterAsync("tick", TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), Ct);
        await Poll.UntilAsync(() => ReminderTicks.Of(key).Count >= 1, Wait, () => "no tick", Ct);

        await a.StopAsync(Ct);
        var before = ReminderTicks.Of(key).Count;

        // Whichever silo owned the grain's ring range, B owns the whole ring now: it reads the reminder from the table.
        var onB = b.Address.ToString();
        await Poll.UntilAsync(() => ReminderTicks.Of(key).Skip(before).Any(t => t.Silo == onB), Wait, () => "no tick on B", Ct);
    }

    [Fact]
    public async Task ReadRows_ByRingRange_ExcludeTheBeginIncludeTheEndAndWrapAround()
    {
        var connectionString = await AdoNetSilo.CreateDatabaseAsync(postgres, Ct);
        await using var silo = await AdoNetSilo.StartAsync(connectionString, AdoNetSilo.NewClusterId(), Ct);
        var table = silo.Services.GetRequiredService<IReminderTable>();

        // Reminders of 64 grains, due tomorrow, so that none fires during the test.
        var start = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(1);
        var grains = Enumerable.Range(0, 64).Select(i => GrainId.Create("ring-probe", "g" + i)).ToArray();
        foreach (var grain in grains)
        {
            Assert.NotNull(await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = start, Period = TimeSpan.FromHours(1) }, Ct));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
        var ranges = new (uint Begin, uint End)[]
        {
            (hashes[3], hashes[10]),                 // inside the ring: hashes[3] out, hashes[10] in
            (hashes[50], hashes[5]),                 // wraps around the top of the ring
            (0x7000_0000, 0x9000_0000),              // across the sign of the signed hashes the table stores
            (0xF000_0000, 0x1000_0000),              // across zero
            (hashes[7], hashes[7]),                  // the whole ring
            (0, uint.MaxValue),                      // all but the hashes equal to 0
        };
        foreach (var (begin, end) in ranges)
        {
            var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order(StringComparer.Ordinal);
            var read = await table.ReadRows(begin, end, Ct);
            Assert.Equal(expected, read.Reminders.Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task UpsertRow_ChangesTheETag_AndRemoveRowWithAStaleETagIsRejected()
    {
        var connectionString = await AdoNetSilo.CreateDatabaseAsync(postgres, Ct);
        await using var silo = await AdoNetSilo.StartAsync(connectionString, AdoNetSilo.NewClusterId(), Ct);
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var grain = GrainId.Create("etag-probe", "g");
        var start = new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        var first = await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "a", StartAt = start, Period = TimeSpan.FromMinutes(5) }, Ct);
        var second = await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "a", StartAt = start.AddHours(1), Period = TimeSpan.FromDays(40) }, Ct);
        await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "b", StartAt = start, Period = TimeSpan.FromMinutes(1) }, Ct);
        Assert.NotNull(first);
        Assert.NotEqual(first, second);

        var row = await table.ReadRow(grain, "a", Ct);
        Assert.NotNull(row);
        Assert.Equal(start.AddHours(1), row.StartAt);
        Assert.Equal(TimeSpan.FromDays(40), row.Period);
        Assert.Equal(second, row.ETag);
        Assert.Equal(["a", "b"], (await table.ReadRows(grain, Ct)).Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal));

        Assert.False(await table.RemoveRow(grain, "a", first!, Ct));
        Assert.NotNull(await table.ReadRow(grain, "a", Ct));
        Assert.True(await table.RemoveRow(grain, "a", second!, Ct));
        Assert.Null(await table.ReadRow(grain, "a", Ct));
        Assert.Single((await table.ReadRows(grain, Ct)).Reminders);
    }

    // Orleans' ring range (begin, end]: one interval when begin < end, else it wraps around (begin = end: the whole ring).
    private static bool InRange(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
