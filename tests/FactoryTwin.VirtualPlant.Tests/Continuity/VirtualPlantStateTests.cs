using FactoryTwin.VirtualPlant.Continuity;

namespace FactoryTwin.VirtualPlant.Tests.Continuity;

public sealed class VirtualPlantStateTests
{
    private static readonly DateTimeOffset Saved = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static VirtualPlantState State(bool clean, long next = 5000, long peak = 100) =>
        new(Saved, clean, ClockSpeed: 60, SaveInterval: TimeSpan.FromSeconds(2), [new GatewaySequence("gw-body", next, peak)]);

    [Fact]
    public void ResumeTime_CleanStop_IsThePlantTime() =>
        Assert.Equal(Saved, State(clean: true).ResumeTime);

    [Fact]
    public void ResumeTime_PeriodicSave_AddsTwoIntervalsAtTheClockSpeedAndASecond() =>
        Assert.Equal(Saved.AddSeconds((60 * 2 * 2) + 1), State(clean: false).ResumeTime);

    [Fact]
    public void NextSeqAfterRestart_CleanStop_IsTheSavedNextNumber() =>
        Assert.Equal(5000, State(clean: true).NextSeqAfterRestart("gw-body"));

    [Fact]
    public void NextSeqAfterRestart_PeriodicSaveWithSmallPeak_SkipsTheMinimumMargin() =>
        Assert.Equal(5000 + VirtualPlantState.MinimumSeqMargin, State(clean: false, peak: 100).NextSeqAfterRestart("gw-body"));

    [Fact]
    public void NextSeqAfterRestart_PeriodicSaveWithLargePeak_SkipsFourPeaks() =>
        Assert.Equal(5000 + (4 * 50_000), State(clean: false, peak: 50_000).NextSeqAfterRestart("gw-body"));

    [Fact]
    public void NextSeqAfterRestart_UnknownGateway_IsZero() =>
        Assert.Equal(0, State(clean: true).NextSeqAfterRestart("gw-new"));
}
