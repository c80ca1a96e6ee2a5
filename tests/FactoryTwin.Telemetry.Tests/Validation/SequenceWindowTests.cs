using FactoryTwin.Telemetry.Validation;

namespace FactoryTwin.Telemetry.Tests.Validation;

public sealed class SequenceWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Check_OutOfOrderRedelivery_FindsDuplicateAndAcceptsLateFill()
    {
        var w = new SequenceWindow(64);
        Assert.Equal(SequenceVerdict.New, w.Check(10, T0, out _, out _));
        Assert.Equal(SequenceVerdict.New, w.Check(12, T0, out var gaps, out _));
        Assert.Equal(1, gaps);
        Assert.Equal(SequenceVerdict.Late, w.Check(11, T0, out _, out _));
        Assert.Equal(SequenceVerdict.Duplicate, w.Check(10, T0, out _, out _));
        Assert.Equal(SequenceVerdict.Duplicate, w.Check(12, T0, out _, out _));
    }

    [Fact]
    public void Check_ANumberBelowTheFirst_IsNewNotLate_ForItWasNeverCountedAsAGap()
    {
        var w = new SequenceWindow(64);
        w.Check(10, T0, out _, out _);
        w.Check(13, T0, out var gaps, out _);

        Assert.Equal(2, gaps);
        Assert.Equal(SequenceVerdict.New, w.Check(8, T0, out _, out _));
        Assert.Equal(SequenceVerdict.Late, w.Check(12, T0, out _, out _));
        Assert.Equal(SequenceVerdict.Late, w.Check(11, T0, out _, out _));
        Assert.Equal(SequenceVerdict.New, w.Check(9, T0, out _, out _));
    }

    [Fact]
    public void Check_AfterAJumpPastTheWindow_ASkippedNumberStillInItIsLate()
    {
        var w = new SequenceWindow(64);
        w.Check(1, T0, out _, out _);
        w.Check(1001, T0, out var gaps, out _);

        Assert.Equal(999, gaps);
        Assert.Equal(SequenceVerdict.Late, w.Check(990, T0, out _, out _));
        Assert.Equal(SequenceVerdict.Duplicate, w.Check(990, T0, out _, out _));
    }

    [Fact]
    public void Check_SlotReusedAfterWindowMoves_IsNotMistakenForDuplicate()
    {
        var w = new SequenceWindow(64);
        w.Check(1, T0, out _, out _);
        Assert.Equal(SequenceVerdict.New, w.Check(65, T0, out _, out _));
        Assert.Equal(SequenceVerdict.New, w.Check(129, T0, out _, out _));
    }

    [Fact]
    public void Check_FarBehindWithOldTimestamp_IsDuplicate_WithNewTimestamp_IsRestart()
    {
        var w = new SequenceWindow(64);
        w.Check(1000, T0, out _, out _);

        Assert.Equal(SequenceVerdict.Duplicate, w.Check(1, T0.AddSeconds(-5), out _, out var replay));
        Assert.False(replay);
        Assert.Equal(SequenceVerdict.New, w.Check(1, T0.AddSeconds(5), out _, out var restarted));
        Assert.True(restarted);
        Assert.Equal(SequenceVerdict.New, w.Check(2, T0.AddSeconds(6), out _, out _));
    }
}
