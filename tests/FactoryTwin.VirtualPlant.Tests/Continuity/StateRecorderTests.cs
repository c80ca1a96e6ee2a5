using FactoryTwin.Model.Ids;
using FactoryTwin.VirtualPlant.Continuity;
using FactoryTwin.VirtualPlant.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.VirtualPlant.Tests.Continuity;

public sealed class StateRecorderTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly GatewayId Body = new("gw-body");
    private static readonly GatewayId Paint = new("gw-paint");

    private readonly string _folder = Directory.CreateTempSubdirectory("ft-vp-recorder-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
    private readonly ListLogger _log = new();

    private string StatePath => Path.Combine(_folder, "virtual-plant-state.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Begin_NoStateFile_StartsEveryGatewayAtZeroAndWritesARunningState()
    {
        var first = Recorder().Begin([Body, Paint]);

        Assert.Equal(0, first[Body]);
        Assert.Equal(0, first[Paint]);
        Assert.Contains(_log.Entries, e => e.EventId == 8041 && e.Level == LogLevel.Information && e.Message.Contains(StatePath, StringComparison.Ordinal));
        var saved = VirtualPlantStateFile.Load(StatePath).State!;
        Assert.False(saved.Clean);
        Assert.Equal(_clock.GetUtcNow(), saved.PlantTime);
        Assert.Equal(60, saved.ClockSpeed);
    }

    [Fact]
    public void Begin_CleanState_ContinuesEachGatewayExactlyAndLogsHowToStartFresh()
    {
        VirtualPlantStateFile.Save(StatePath, new VirtualPlantState(_clock.GetUtcNow(), true, 60, Interval, [new GatewaySequence("gw-body", 1234, 300), new GatewaySequence("gw-gone", 7, 1)]));

        var first = Recorder().Begin([Body, Paint]);

        Assert.Equal(1234, first[Body]);
        Assert.Equal(0, first[Paint]);
        var entry = Assert.Single(_log.Entries, e => e.EventId == 8040);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("VirtualPlant:Resume=false", entry.Message, StringComparison.Ordinal);
        Assert.Contains("gw-body 1234", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Begin_CorruptStateFile_LogsAWarningStartsAtZeroAndReplacesTheFile()
    {
        File.WriteAllText(StatePath, "{\"version\":1,\"plantTime\":\"2026-11-2");

        var first = Recorder().Begin([Body]);

        Assert.Equal(0, first[Body]);
        var entry = Assert.Single(_log.Entries, e => e.EventId == 8042);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("not valid JSON", entry.Message, StringComparison.Ordinal);
        Assert.Equal(new GatewaySequence("gw-body", 0, 0), VirtualPlantStateFile.Load(StatePath).State!.Gateways.Single());
    }

    [Fact]
    public void Begin_ResumeOff_IgnoresAndReplacesTheSavedState()
    {
        VirtualPlantStateFile.Save(StatePath, new VirtualPlantState(_clock.GetUtcNow().AddDays(3), true, 60, Interval, [new GatewaySequence("gw-body", 1234, 300)]));

        var first = Recorder(resume: false).Begin([Body]);

        Assert.Equal(0, first[Body]);
        Assert.Contains(_log.Entries, e => e.EventId == 8043);
        var saved = VirtualPlantStateFile.Load(StatePath).State!;
        Assert.Equal(_clock.GetUtcNow(), saved.PlantTime);
        Assert.Equal(0, saved.Gateways.Single().NextSeq);
    }

    [Fact]
    public void Save_SeveralSaves_RecordThePeakPerSaveAndAPlantTimeThatNeverGoesBack()
    {
        var recorder = Recorder();
        recorder.Begin([Body]);
        recorder.Save(new Dictionary<GatewayId, long> { [Body] = 500 }, _clock.GetUtcNow().AddSeconds(30), clean: false);
        _clock.Advance(Interval);

        recorder.Save(new Dictionary<GatewayId, long> { [Body] = 700 }, DateTimeOffset.MinValue, clean: true);

        var saved = VirtualPlantStateFile.Load(StatePath).State!;
        Assert.True(saved.Clean);
        Assert.Equal(new GatewaySequence("gw-body", 700, 500), saved.Gateways.Single());

        // The second save's clock time is earlier than the first save's latest stamp: the saved time stays at that stamp.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 0, 30, TimeSpan.Zero), saved.PlantTime);
    }

    [Fact]
    public void Begin_AfterARunThatOnlySavedPeriodically_NeverReusesASeqOrPlantTime()
    {
        // A run saves at seq 1000 and stamp 07:00:30, then sends up to two more intervals' worth and is killed.
        var crashed = Recorder();
        crashed.Begin([Body]);
        crashed.Save(new Dictionary<GatewayId, long> { [Body] = 1000 }, _clock.GetUtcNow().AddSeconds(30), clean: false);
        long lastSentSeq = 1000 + (2 * 1000) - 1;
        var lastStamp = _clock.GetUtcNow().AddSeconds(30) + (2 * Interval * 60);

        var first = Recorder().Begin([Body]);

        Assert.True(first[Body] > lastSentSeq, $"restart at seq {first[Body]} reuses {lastSentSeq}");
        var resumed = VirtualPlantStateFile.Load(StatePath).State!;
        Assert.True(resumed.PlantTime > lastStamp, $"restart saved {resumed.PlantTime:O}, not after the last stamp {lastStamp:O}");
    }

    [Fact]
    public void Save_FolderCannotBeCreated_LogsOnceAndReturnsFalse()
    {
        var blocker = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(blocker, "");
        var recorder = new StateRecorder(Path.Combine(blocker, "state.json"), true, 1, Interval, _clock, _log);

        var next = new Dictionary<GatewayId, long> { [Body] = 1 };
        Assert.False(recorder.Save(next, DateTimeOffset.MinValue, clean: false));
        Assert.False(recorder.Save(next, DateTimeOffset.MinValue, clean: true));

        Assert.Single(_log.Entries, e => e.EventId == 8044 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task SaveEveryIntervalAsync_WallClockPassesAnInterval_SavesTheEmulatorsPosition()
    {
        await using var emulator = new VirtualPlantEmulator(TestPlants.Automotive, new VirtualPlantOptions { Port = FreePorts.Next() });
        var gateway = TestPlants.Automotive.Gateways[0].Id;
        emulator.StartSequencesAt(new Dictionary<GatewayId, long> { [gateway] = 42 });
        var wall = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        var saving = Recorder().SaveEveryIntervalAsync(emulator, wall, stop.Token);

        Assert.False(File.Exists(StatePath));
        wall.Advance(Interval);
        await Poll.UntilAsync(() => VirtualPlantStateFile.Load(StatePath).State is not null, TimeSpan.FromSeconds(10), cancellationToken: TestContext.Current.CancellationToken);

        await stop.CancelAsync();
        await saving;
        var saved = VirtualPlantStateFile.Load(StatePath).State!;
        Assert.False(saved.Clean);
        Assert.Equal(42, saved.NextSeqAfterRestart(gateway.Value) - VirtualPlantState.MinimumSeqMargin);
    }

    private StateRecorder Recorder(bool resume = true) => new(StatePath, resume, 60, Interval, _clock, _log);
}
