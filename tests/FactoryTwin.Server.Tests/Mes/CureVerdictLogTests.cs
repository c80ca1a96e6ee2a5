using System.Collections.Immutable;
using FactoryTwin.Mes.Performance;
using FactoryTwin.Model.Plants;
using FactoryTwin.Server.Live;
using FactoryTwin.Server.Mes;
using FactoryTwin.Server.Tests.TestSupport;
using FactoryTwin.Twin.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Server.Tests.Mes;

/// <summary>The cure verdicts of the bodies that left an oven, kept across a restart of the server.</summary>
public sealed class CureVerdictLogTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An oven's view with the cure prediction of each body inside.</summary>
    private static AssetTwinView Oven(string oven, params (string Body, TwinCureVerdict Verdict, double Margin)[] inside) =>
        View(oven, [.. inside.Select(b => b.Body)], [.. inside.Select(b => new TwinBodyCure(b.Body, b.Verdict, "roof", b.Margin, Noon))]);

    private static AssetTwinView View(string oven, string[] inside, ImmutableArray<TwinBodyCure> cure) =>
        new(oven, "paint", TwinAssetKind.Station, StationState.Working, Noon, [], 0, 0, [], [.. inside.Select(b => new TwinBody(b, "sedan", "white", Noon))], Noon,
            new StationKpi(Noon, Noon, 0, 0, 60, 0, 0, 1, 1, 1, 1, 0), [], cure);

    [Fact]
    public async Task Restart_BodiesThatLeftAndBodiesStillInside_TheNewServerKnowsTheirVerdicts()
    {
        var folder = Directory.CreateTempSubdirectory("factorytwin-mes-").FullName;
        try
        {
            await using (var first = await ServerHost.StartAsync("--Mes:DataFolder=" + folder))
            {
                var log = first.App.Services.GetRequiredService<CureVerdictLog>();
                log.Record(Oven("topcoat-oven", ("R-1", TwinCureVerdict.Ok, 0.3), ("R-2", TwinCureVerdict.UnderCured, -0.1)));
                log.Record(Oven("topcoat-oven", ("R-2", TwinCureVerdict.UnderCured, -0.2)));

                // R-1 left the oven: it is on disk before the server stops.
                await Until(() => new CureVerdictFile(folder, 100).Load().Any(v => v.PartId == "R-1"));
                Assert.DoesNotContain(new CureVerdictFile(folder, 100).Load(), v => v.PartId == "R-2");
            }

            await using var second = await ServerHost.StartAsync("--Mes:DataFolder=" + folder);
            var known = second.App.Services.GetRequiredService<CureVerdictLog>().Snapshot();

            Assert.Equal(("ok", 0.3), (known["R-1"].Verdict, known["R-1"].CureIndex));
            Assert.Equal(("under-cured", -0.2), (known["R-2"].Verdict, known["R-2"].CureIndex));
            Assert.Equal("topcoat-oven", known["R-2"].Oven.Value);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Record_ViewsWithoutAPredictionOfABodyInsideOrWithAStaleOne_WriteEachBodyOnceWithItsLastVerdict()
    {
        var store = new RecordingStore(failFirst: false);
        using var log = new CureVerdictLog(server.Host.App.Services.GetRequiredService<LiveViews>(), store, TimeProvider.System, Options.Create(new MesOptions()), NullLogger<CureVerdictLog>.Instance);
        await log.StartAsync(Ct);

        log.Record(Oven("gap-oven", ("G-1", TwinCureVerdict.Ok, 0.2), ("G-2", TwinCureVerdict.Ok, 0.3)));

        // A reading is missing: the twin predicts nothing, but both bodies are still inside.
        log.Record(View("gap-oven", ["G-1", "G-2"], []));
        log.Record(Oven("gap-oven", ("G-1", TwinCureVerdict.UnderCured, -0.1), ("G-2", TwinCureVerdict.Ok, 0.25)));
        log.Record(View("gap-oven", ["G-2"], []));

        // The next view still carries the last evaluation's prediction of G-1, made before it left.
        log.Record(View("gap-oven", ["G-2"], [new TwinBodyCure("G-1", TwinCureVerdict.Ok, "roof", 0.5, Noon), new TwinBodyCure("G-2", TwinCureVerdict.Ok, "roof", 0.25, Noon)]));
        await Until(() => store.Written.Count > 0);
        await log.StopAsync(Ct);

        // G-1 once, with its last prediction, when it left; G-2 at the stop, still inside.
        Assert.Equal([("G-1", "under-cured"), ("G-2", "ok")], store.Written.Select(v => (v.PartId, v.Verdict)));
        Assert.Equal("under-cured", log.Snapshot()["G-1"].Verdict);
    }

    [Fact]
    public async Task Record_TheStoreFailsOnce_TheVerdictIsWrittenAtTheNextTry()
    {
        var store = new RecordingStore(failFirst: true);
        var time = new FakeTimeProvider(Noon);
        using var log = new CureVerdictLog(server.Host.App.Services.GetRequiredService<LiveViews>(), store, time, Options.Create(new MesOptions()), NullLogger<CureVerdictLog>.Instance);
        await log.StartAsync(Ct);

        log.Record(Oven("flaky-oven", ("F-1", TwinCureVerdict.OverBaked, -0.4)));
        log.Record(Oven("flaky-oven"));
        await Until(() => store.Attempts > 0);
        await Until(() =>
        {
            time.Advance(TimeSpan.FromSeconds(5));
            return store.Written.Count > 0;
        });
        await log.StopAsync(Ct);

        Assert.Equal("F-1", Assert.Single(store.Written).PartId);
        Assert.Equal("over-baked", store.Written[0].Verdict);
        Assert.Equal("over-baked", log.Snapshot()["F-1"].Verdict);
    }

    /// <summary>Waits for what the log's writer does off the caller's thread (a minute at most, so that a defect fails instead of hanging).</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (int i = 0; !condition(); i++)
        {
            Assert.True(i < 3000, "the condition did not hold within a minute");
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, Ct);
        }
    }

    /// <summary>A store that keeps what it is given; its first write may fail, as a full disk or a lost database connection does.</summary>
    private sealed class RecordingStore(bool failFirst) : ICureVerdictStore
    {
        private readonly Lock _gate = new();
        private readonly List<BodyQuality> _written = [];
        private int _attempts;

        public string Location => "flaky";

        public int Attempts => Volatile.Read(ref _attempts);

        public IReadOnlyList<BodyQuality> Written
        {
            get
            {
                lock (_gate)
                {
                    return [.. _written];
                }
            }
        }

        public Task<IReadOnlyList<BodyQuality>> LoadAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<BodyQuality>>([]);

        public Task AppendAsync(IReadOnlyList<BodyQuality> verdicts, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _attempts) == 1 && failFirst)
            {
                throw new IOException("No space left on device");
            }

            lock (_gate)
            {
                _written.AddRange(verdicts);
            }

            return Task.CompletedTask;
        }
    }
}
