using System.Globalization;
using FactoryTwin.VirtualPlant.Continuity;
using FactoryTwin.VirtualPlant.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.VirtualPlant.Tests;

public sealed class VirtualPlantHostingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-vp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AddVirtualPlant_BadConfiguration_FailsAtStartNamingTheOption()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["VirtualPlant:Speed"] = "2000", ["VirtualPlant:Port"] = "70000", ["VirtualPlant:StateSaveInterval"] = "00:00:00",
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("VirtualPlant:Speed is 2000", ex.Message, StringComparison.Ordinal);
        Assert.Contains("VirtualPlant:Port is 70000", ex.Message, StringComparison.Ordinal);
        Assert.Contains("VirtualPlant:StateSaveInterval is 00:00:00", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddVirtualPlant_Configuration_RunsThePlantFromItsFile()
    {
        await using var broker = await TestBroker.LaunchAsync();
        var truth = Path.Combine(_folder, "truth.jsonl");
        using var host = Build(new Dictionary<string, string?>
        {
            ["VirtualPlant:PlantFile"] = Path.Combine(AppContext.BaseDirectory, "samples", "plants", "automotive.yaml"),
            ["VirtualPlant:Speed"] = "0",
            ["VirtualPlant:Duration"] = "1800",
            ["VirtualPlant:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["VirtualPlant:GroundTruthFile"] = truth,
            ["VirtualPlant:StartTime"] = "10:00",
        });
        await host.StartAsync(TestContext.Current.CancellationToken);
        var service = host.Services.GetRequiredService<VirtualPlantHostedService>();
        await Poll.UntilAsync(() => service.Current is { Running: false, Published: > 0 }, TimeSpan.FromSeconds(60), cancellationToken: TestContext.Current.CancellationToken);

        await host.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(service.Current!.Messages, service.Current.Published);
        Assert.Equal(1800, service.Current.SimulatedSeconds);
        Assert.NotEmpty(broker.Publishes);

        // The run started at 10:00 local time (Europe/Berlin) on the day of the first shift (Monday).
        var first = GroundTruth.Read(truth)[0].GetProperty("time").GetDateTimeOffset();
        var local = TimeZoneInfo.ConvertTime(first, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(10, 0)), (local.DayOfWeek, TimeOnly.FromTimeSpan(local.TimeOfDay)));
    }

    [Fact]
    public async Task AddVirtualPlant_StateFile_RestartAfterACleanStopContinuesEachGatewaysSeqExactly()
    {
        await using var broker = await TestBroker.LaunchAsync();
        var stateFile = Path.Combine(_folder, "data", "virtual-plant-state.json");
        var settings = new Dictionary<string, string?>
        {
            ["VirtualPlant:PlantFile"] = Path.Combine(AppContext.BaseDirectory, "samples", "plants", "automotive.yaml"),
            ["VirtualPlant:Speed"] = "60",
            ["VirtualPlant:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["VirtualPlant:StateFile"] = stateFile,
        };

        // A run stopped while the plant runs, as SIGTERM stops the server.
        var first = await RunUntilStoppedAsync(settings, broker.Port);
        var saved = VirtualPlantStateFile.Load(stateFile).State!;
        Assert.True(saved.Clean);
        var gateways = TestPlants.Automotive.Gateways.Select(g => g.Id.Value).ToList();
        foreach (var gateway in gateways)
        {
            var seqs = first.Where(k => k.Publisher == gateway).Select(k => k.Seq).Order().ToList();
            Assert.NotEmpty(seqs);
            Assert.Equal(Enumerable.Range(0, seqs.Count).Select(i => (long)i), seqs);
            Assert.Equal(seqs.Count, saved.NextSeqAfterRestart(gateway));
        }

        // The restart on the same state file: every gateway's first seq is its last one + 1.
        var second = await RunUntilStoppedAsync(settings, broker.Port);
        foreach (var gateway in gateways)
        {
            var seqs = second.Where(k => k.Publisher == gateway).Select(k => k.Seq).Order().ToList();
            Assert.NotEmpty(seqs);
            Assert.Equal(Enumerable.Range(0, seqs.Count).Select(i => saved.NextSeqAfterRestart(gateway) + i), seqs);
        }

        var after = VirtualPlantStateFile.Load(stateFile).State!;
        Assert.True(after.Clean);
        Assert.True(after.PlantTime >= saved.PlantTime);
    }

    [Fact]
    public async Task StoppingAsync_HostStops_PlantHasStoppedAndDrainedBeforeAServiceRegisteredEarlierStops()
    {
        // The embedded broker is registered before the virtual plant and stops taking messages in its StoppingAsync:
        // by then the plant must have stopped and published everything, so that no gateway waits on it.
        await using var broker = await TestBroker.LaunchAsync();
        await using var subscriber = await Subscriber.ConnectAsync(broker.Port);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["VirtualPlant:PlantFile"] = Path.Combine(AppContext.BaseDirectory, "samples", "plants", "automotive.yaml"),
            ["VirtualPlant:Speed"] = "60",
            ["VirtualPlant:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
        });
        var earlier = new StoppingProbe();
        builder.Services.AddSingleton<IHostedService>(earlier);
        builder.AddVirtualPlant();
        using var host = builder.Build();
        var plant = host.Services.GetRequiredService<VirtualPlantHostedService>();
        earlier.Read = () => plant.Current;

        await host.StartAsync(TestContext.Current.CancellationToken);
        await subscriber.WaitForAsync(50, TimeSpan.FromSeconds(60));
        await host.StopAsync(TestContext.Current.CancellationToken);

        var seen = Assert.IsType<VirtualPlantStatus>(earlier.Seen);
        Assert.False(seen.Running);
        Assert.Equal(seen.Messages, seen.Published);
    }

    /// <summary>Runs the hosted plant until a subscriber got some messages, stops the host, and returns every (publisher, seq) it published.</summary>
    private static async Task<List<(string Publisher, long Seq)>> RunUntilStoppedAsync(Dictionary<string, string?> settings, int port)
    {
        await using var subscriber = await Subscriber.ConnectAsync(port);
        using var host = Build(settings);
        await host.StartAsync(TestContext.Current.CancellationToken);
        await subscriber.WaitForAsync(200, TimeSpan.FromSeconds(60));
        await host.StopAsync(TestContext.Current.CancellationToken);
        var status = host.Services.GetRequiredService<VirtualPlantHostedService>().Current!;
        Assert.Equal(status.Messages, status.Published);
        await subscriber.WaitForAsync(status.Published, TimeSpan.FromSeconds(30));
        return [.. subscriber.Messages.Keys];
    }

    /// <summary>A service that notes the virtual plant's status when the host calls its StoppingAsync.</summary>
    private sealed class StoppingProbe : IHostedLifecycleService
    {
        public Func<VirtualPlantStatus?>? Read { get; set; }

        public VirtualPlantStatus? Seen { get; private set; }

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken)
        {
            Seen = Read?.Invoke();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public async Task AddVirtualPlant_ScheduleSourceFailsAtFirst_TheScheduleIsReadAgainAndReleased()
    {
        await using var broker = await TestBroker.LaunchAsync();
        var wall = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var source = new FlakySchedule();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["VirtualPlant:PlantFile"] = Path.Combine(AppContext.BaseDirectory, "samples", "plants", "automotive.yaml"),
            ["VirtualPlant:Speed"] = "60",
            ["VirtualPlant:Duration"] = "7200",
            ["VirtualPlant:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["VirtualPlant:StartTime"] = "10:00",
        });
        builder.Services.AddSingleton<TimeProvider>(wall); // the wall clock the retry waits on
        builder.Services.AddKeyedSingleton(VirtualPlantOptions.ClockKey, TimeProvider.System); // the plant paces on real time
        builder.Services.AddSingleton<Releases.IReleaseScheduleSource>(source);
        builder.AddVirtualPlant();
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var service = host.Services.GetRequiredService<VirtualPlantHostedService>();

        await Poll.UntilAsync(() => source.Calls >= 1 && service.ReleasedByOrder is not null, TimeSpan.FromSeconds(30), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(service.ReleasedByOrder!);
        wall.Advance(TimeSpan.FromSeconds(10));
        await Poll.UntilAsync(() => service.ReleasedByOrder!.GetValueOrDefault("R-1") > 0, TimeSpan.FromSeconds(60), cancellationToken: TestContext.Current.CancellationToken);

        await host.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, source.Calls);
    }

    /// <summary>A schedule source whose first read fails (the historian not ready, say).</summary>
    private sealed class FlakySchedule : Releases.IReleaseScheduleSource
    {
        private int _calls;

        public event Action? Changed
        {
            add { }
            remove { }
        }

        public int Calls => Volatile.Read(ref _calls);

        public Task<global::FactoryTwin.Plant.Releases.ReleaseSchedule?> GetAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                throw new IOException("the historian is not open yet");
            }

            global::FactoryTwin.Plant.Releases.ReleaseOrder order = new("R-1", new Model.Ids.VariantId("sedan"), new Model.Ids.ColourId("white"), 500, DateTimeOffset.MinValue.AddYears(1));
            return Task.FromResult<global::FactoryTwin.Plant.Releases.ReleaseSchedule?>(new("S-1", [order]));
        }
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddVirtualPlant();
        return builder.Build();
    }
}
