using FactoryTwin.Server.Hosting;
using FactoryTwin.VirtualPlant.Continuity;

namespace FactoryTwin.Server.Tests.Hosting;

public sealed class PlantClockStartTests
{
    private const string File = "/data/virtual-plant-state.json";
    private static readonly DateTimeOffset Configured = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private static VirtualPlantStateLoadResult Saved(DateTimeOffset plantTime, bool clean = true) =>
        new(new VirtualPlantState(plantTime, clean, 60, TimeSpan.FromSeconds(2), [new GatewaySequence("gw-body", 10, 1)]), false, null);

    [Fact]
    public void Decide_SavedLaterThanTheConfiguredStart_ResumesAtTheSavedPosition()
    {
        var start = PlantClockStart.Decide(Configured, File, true, Saved(Configured.AddHours(30)));

        Assert.Equal(PlantClockStartKind.Resumed, start.Kind);
        Assert.Equal(Configured.AddHours(30), start.Origin);
    }

    [Fact]
    public void Decide_PeriodicSave_ResumesAfterTheMarginItMayLag()
    {
        var saved = Saved(Configured.AddHours(30), clean: false);

        var start = PlantClockStart.Decide(Configured, File, true, saved);

        Assert.Equal(Configured.AddHours(30).AddSeconds((60 * 2 * 2) + 1), start.Origin);
        Assert.Equal(saved.State!.ResumeTime, start.Origin);
    }

    [Fact]
    public void Decide_SavedBeforeTheConfiguredStart_StartsAtTheConfiguredStart()
    {
        var start = PlantClockStart.Decide(Configured, File, true, Saved(Configured.AddDays(-3)));

        Assert.Equal(PlantClockStartKind.ConfiguredAfterSaved, start.Kind);
        Assert.Equal(Configured, start.Origin);
    }

    [Fact]
    public void Decide_NoStateFile_StartsAtTheConfiguredStart()
    {
        var start = PlantClockStart.Decide(Configured, File, true, VirtualPlantStateLoadResult.NoFile);

        Assert.Equal(PlantClockStartKind.Configured, start.Kind);
        Assert.Equal(Configured, start.Origin);
    }

    [Fact]
    public void Decide_UnusableStateFile_StartsAtTheConfiguredStartAndKeepsTheReason()
    {
        var start = PlantClockStart.Decide(Configured, File, true, VirtualPlantStateLoadResult.Unusable("it is not valid JSON"));

        Assert.Equal(PlantClockStartKind.StateUnusable, start.Kind);
        Assert.Equal(Configured, start.Origin);
        Assert.Equal("it is not valid JSON", start.Problem);
    }

    [Fact]
    public void Decide_ResumeOff_StartsAtTheConfiguredStart()
    {
        var start = PlantClockStart.Decide(Configured, File, false, null);

        Assert.Equal(PlantClockStartKind.ResumeOff, start.Kind);
        Assert.Equal(Configured, start.Origin);
    }
}
