using FactoryTwin.VirtualPlant;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Twin.Tests.Forecasting;

/// <summary>The virtual plant's replay options the live forecast test relies on.</summary>
public sealed class VirtualPlantReplayTests
{
    [Fact]
    public void Constructor_StampPlantTimeWithoutDuration_FailsNamingTheOption()
    {
        var options = new VirtualPlantOptions { Speed = 0, StampPlantTime = true };
        var error = Assert.Throws<ArgumentException>(() => new VirtualPlantEmulator(TestPlants.Automotive, options));
        Assert.Contains("VirtualPlant:StampPlantTime", error.Message, StringComparison.Ordinal);
        Assert.Contains("VirtualPlant:Duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayOrigin_StampPlantTime_IsTheLastMondayShiftStartFromWhichTheRunEndsByNow()
    {
        // Sunday 29 November 2026, 00:25 UTC: the 16 h run must end by then, so it starts on Monday the 23rd, 06:00 in Berlin.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 0, 25, 11, 123, TimeSpan.Zero));
        var options = new VirtualPlantOptions { Speed = 0, StampPlantTime = true, Duration = 16 * 3600 };
        await using var plant = new VirtualPlantEmulator(TestPlants.Automotive, options, time: time);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero), plant.ReplayOrigin);

        // A run that would end after now starts a week earlier.
        await using var longer = new VirtualPlantEmulator(TestPlants.Automotive, new VirtualPlantOptions { Speed = 0, StampPlantTime = true, Duration = 6 * 86_400 }, time: time);
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 5, 0, 0, TimeSpan.Zero), longer.ReplayOrigin);
    }

    [Fact]
    public async Task ReplayOrigin_WallClockStamps_IsNull()
    {
        await using var plant = new VirtualPlantEmulator(TestPlants.Automotive, new VirtualPlantOptions { Speed = 0, Duration = 60 });
        Assert.Null(plant.ReplayOrigin);
    }

    [Fact]
    public async Task HoldAtAsync_TimeNotAhead_Throws()
    {
        await using var plant = new VirtualPlantEmulator(TestPlants.Automotive, new VirtualPlantOptions { Speed = 0, Duration = 60 });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = plant.HoldAtAsync(0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = plant.HoldAtAsync(double.NaN); });
        _ = plant.HoldAtAsync(30);
        Assert.Throws<InvalidOperationException>(() => { _ = plant.HoldAtAsync(40); });
    }

    [Fact]
    public async Task HoldAtAsync_AfterTheEnd_IsCancelledWhenTheRunEnds()
    {
        // No broker on this port: the gateways buffer, and the run ends after a short drain.
        var options = new VirtualPlantOptions { Speed = 0, Duration = 600, SampleInterval = 0, Port = 1, ReconnectDelay = TimeSpan.FromSeconds(5) };
        await using var plant = new VirtualPlantEmulator(TestPlants.Automotive, options);
        var held = plant.HoldAtAsync(700);
        var summary = await plant.RunAsync(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        Assert.Equal(600, summary.Status.SimulatedSeconds);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held);
    }
}
