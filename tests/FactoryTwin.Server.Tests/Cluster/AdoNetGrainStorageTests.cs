using FactoryTwin.Historian.Tests.Postgres;
using Orleans.Runtime;
using Orleans.Storage;

namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>
/// Orleans' ADO.NET grain storage 10.4.2 on FactoryTwin's grain-state schema (Cluster/Sql/0003-orleans-persistence.sql)
/// in a real PostgreSQL: state that outlives its silo, and the optimistic concurrency of the state's version, through
/// grains and through the provider of a running silo.
/// </summary>
public sealed class AdoNetGrainStorageTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private const string StateName = "counter";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task State_WrittenOnOneSilo_IsReadByTheNextActivationOnAnotherAfterTheFirstStops()
    {
        var connectionString = await AdoNetSilo.CreateDatabaseAsync(postgres, Ct);
        var cluster = AdoNetSilo.NewClusterId();
        await using var a = await AdoNetSilo.StartAsync(connectionString, cluster, Ct);
        await using var b = await AdoNetSilo.StartAsync(connectionString, cluster, Ct);
        var onA = a.Grains.GetGrain<ICounterGrain>("press-1");
        Assert.Equal(a.Address.ToString(), await onA.GetSiloAsync(Ct));
        await onA.AddAsync(5, Ct);
        Assert.Equal(12, await onA.AddAsync(7, Ct));

        await a.StopAsync(Ct);

        var onB = b.Grains.GetGrain<ICounterGrain>("press-1");
        Assert.Equal(b.Address.ToString(), await onB.GetSiloAsync(Ct));
        Assert.Equal(12, await onB.GetAsync(Ct));
        // Its etag is the stored version, so it writes on where A stopped.
        Assert.Equal(13, await onB.AddAsync(1, Ct));
    }

    [Fact]
    public async Task Write_AfterAnotherWriterChangedTheState_IsRejectedAsInconsistent()
    {
        var connectionString = await AdoNetSilo.CreateDatabaseAsync(postgres, Ct);
        await using var silo = await AdoNetSilo.StartAsync(connectionString, AdoNetSilo.NewClusterId(), Ct);
        var grain = silo.Grains.GetGrain<ICounterGrain>("press-2");
        Assert.Equal(1, await grain.AddAsync(1, Ct));

        // A second writer (as a duplicate activation in a split cluster would) writes the state behind the grain's back.
        var storage = silo.Storage(AdoNetSilo.Store);
        var other = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(StateName, grain.GetGrainId(), other, Ct);
        other.State!.Value = 100;
        await storage.WriteStateAsync(StateName, grain.GetGrainId(), other, Ct);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.AddAsync(1, Ct));
        var stored = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(StateName, grain.GetGrainId(), stored, Ct);
        Assert.Equal(100, stored.State!.Value);
    }

    [Fact]
    public async Task Writes_FromOneVersion_OnlyOneSucceeds_AndAFirstWriteOverAStoredStateIsRejected()
    {
        var connectionString = await AdoNetSilo.CreateDatabaseAsync(postgres, Ct);
        await using var silo = await AdoNetSilo.StartAsync(connectionString, AdoNetSilo.NewClusterId(), Ct);
        var storage = silo.Storage(AdoNetSilo.Store);
        var id = GrainId.Create("probe", "line-3");

        var first = new GrainState<CounterState>(new CounterState { Value = 1 });
        await storage.WriteStateAsync(StateName, id, first, Ct);
        Assert.True(first.RecordExists);
        var version = first.ETag;
        Assert.NotNull(version);

        // A writer that read nothing (no etag) while the state exists.
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, id, new GrainState<CounterState>(new CounterState { Value = -1 }), Ct));

        // Eight writers that read the same version: one wins, the others are told so and leave the state alone.
        var writers = Enumerable.Range(1, 8).Select(i => new GrainState<CounterState>(new CounterState { Value = 10 + i }, version)).ToArray();
        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await storage.WriteStateAsync(StateName, id, w, Ct);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));
        var winner = writers[Array.IndexOf(outcomes, true)];
        Assert.Single(outcomes, o => o);

        var stored = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(StateName, id, stored, Ct);
        Assert.Equal(winner.State!.Value, stored.State!.Value);
        Assert.Equal(winner.ETag, stored.ETag);
        Assert.NotEqual(version, stored.ETag);
    }

    [Fact]
    public async Task ClearState_KeepsTheVersionSoAStaleWriterFails_AndDeleteStateOnClearStartsAfresh()
    {
        var connectionString = await AdoNetSilo.CreateDatabaseAsync(postgres, Ct);
        await using var silo = await AdoNetSilo.StartAsync(connectionString, AdoNetSilo.NewClusterId(), Ct);
        var id = GrainId.Create("probe", "oven-1");

        // Clearing keeps the row: the state reads as new, but a writer holding the version before the clear fails.
        var keeping = silo.Storage(AdoNetSilo.Store);
        var state = new GrainState<CounterState>(new CounterState { Value = 4 });
        await keeping.WriteStateAsync(StateName, id, state, Ct);
        var stale = new GrainState<CounterState>(new CounterState { Value = 5 }, state.ETag);
        await keeping.ClearStateAsync(StateName, id, state, Ct);
        Assert.False(state.RecordExists);
        Assert.NotNull(state.ETag);
        var read = new GrainState<CounterState>(new CounterState());
        await keeping.ReadStateAsync(StateName, id, read, Ct);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State!.Value);
        Assert.Equal(state.ETag, read.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => keeping.WriteStateAsync(StateName, id, stale, Ct));
        await Assert.ThrowsAsync<InconsistentStateException>(() => keeping.ClearStateAsync(StateName, id, stale, Ct));
        read.State.Value = 6;
        await keeping.WriteStateAsync(StateName, id, read, Ct);
        Assert.True(read.RecordExists);

        // Deleting on clear removes the row: the next writer starts without an etag.
        var deleting = silo.Storage(AdoNetSilo.DeletingStore);
        var other = GrainId.Create("probe", "oven-2");
        state = new GrainState<CounterState>(new CounterState { Value = 7 });
        await deleting.WriteStateAsync(StateName, other, state, Ct);
        await deleting.ClearStateAsync(StateName, other, state, Ct);
        Assert.Null(state.ETag);
        read = new GrainState<CounterState>(new CounterState());
        await deleting.ReadStateAsync(StateName, other, read, Ct);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        await deleting.WriteStateAsync(StateName, other, new GrainState<CounterState>(new CounterState { Value = 8 }), Ct);
    }

    [Fact]
    public async Task States_OfEveryKindOfKeyAndStateName_AreKeptApart()
    {
        var connectionString = await AdoNetSilo.CreateDatabaseAsync(postgres, Ct);
        await using var silo = await AdoNetSilo.StartAsync(connectionString, AdoNetSilo.NewClusterId(), Ct);
        var storage = silo.Storage(AdoNetSilo.Store);
        var guid = Guid.Parse("0b6e5c1e-8a57-4d0f-9f43-2a1d5c7e9b10");
        var type = GrainType.Create("probe");
        var keys = new (string StateName, GrainId Id)[]
        {
            (StateName, GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(5))),
            (StateName, GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(5, "a"))),
            (StateName, GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(-5))),
            (StateName, GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid))),
            (StateName, GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "a"))),
            (StateName, GrainId.Create("probe", "press-5")),
            ("other", GrainId.Create("probe", "press-5")),
        };

        for (var i = 0; i < keys.Length; i++)
        {
            await storage.WriteStateAsync(keys[i].StateName, keys[i].Id, new GrainState<CounterState>(new CounterState { Value = i + 1 }), Ct);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            var read = new GrainState<CounterState>(new CounterState());
            await storage.ReadStateAsync(keys[i].StateName, keys[i].Id, read, Ct);
            Assert.Equal(i + 1, read.State!.Value);
        }
    }
}
