using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Alarms;

namespace FactoryTwin.Twin.Tests.Alarms;

public class AlarmMachineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static AlarmRecord NewAlarm() => new() { Id = "a1", Message = "m", Priority = TwinAlarmPriority.High };

    [Fact]
    public void SetCondition_NormalToActive_BecomesActiveUnacknowledged()
    {
        var a = NewAlarm();
        Assert.Equal(AlarmEventKind.Raised, AlarmMachine.SetCondition(a, true, T0, 5));
        Assert.Equal(AlarmState.ActiveUnacknowledged, a.State);
        Assert.Equal(T0, a.RaisedAt);
    }

    [Fact]
    public void SetCondition_OnDelay_RaisesOnlyOnceTheConditionHeldThatLong()
    {
        var a = NewAlarm();
        Assert.Null(AlarmMachine.SetCondition(a, true, T0, 5, onDelay: 10));
        Assert.Null(AlarmMachine.SetCondition(a, true, T0.AddSeconds(9), 5, onDelay: 10));
        Assert.Equal(AlarmState.Normal, a.State);
        Assert.Equal(AlarmEventKind.Raised, AlarmMachine.SetCondition(a, true, T0.AddSeconds(10), 6, onDelay: 10));
        Assert.Equal(AlarmState.ActiveUnacknowledged, a.State);
        Assert.Equal(T0.AddSeconds(10), a.RaisedAt);
    }

    [Fact]
    public void SetCondition_ConditionGoneBeforeOnDelay_StartsTheDelayAgain()
    {
        var a = NewAlarm();
        AlarmMachine.SetCondition(a, true, T0, 5, onDelay: 10);
        AlarmMachine.SetCondition(a, false, T0.AddSeconds(5), 1, onDelay: 10);
        Assert.Null(AlarmMachine.SetCondition(a, true, T0.AddSeconds(12), 5, onDelay: 10));
        Assert.Equal(AlarmEventKind.Raised, AlarmMachine.SetCondition(a, true, T0.AddSeconds(22), 5, onDelay: 10));
    }

    [Fact]
    public void SetCondition_OffDelay_ClearsOnlyOnceTheConditionWasGoneThatLong()
    {
        var a = NewAlarm();
        AlarmMachine.SetCondition(a, true, T0, 5, offDelay: 30);
        Assert.Null(AlarmMachine.SetCondition(a, false, T0.AddSeconds(1), 1, offDelay: 30));
        Assert.Null(AlarmMachine.SetCondition(a, true, T0.AddSeconds(2), 5, offDelay: 30)); // back: still the same alarm
        Assert.Null(AlarmMachine.SetCondition(a, false, T0.AddSeconds(3), 1, offDelay: 30));
        Assert.Null(AlarmMachine.SetCondition(a, false, T0.AddSeconds(32), 1, offDelay: 30));
        Assert.True(a.ConditionActive);
        Assert.Equal(AlarmEventKind.Cleared, AlarmMachine.SetCondition(a, false, T0.AddSeconds(33), 1, offDelay: 30));
        Assert.Equal(AlarmState.ClearedUnacknowledged, a.State);
    }

    [Fact]
    public void Acknowledge_ActiveUnacknowledged_BecomesActiveAcknowledgedWithUserAndComment()
    {
        var a = NewAlarm();
        AlarmMachine.SetCondition(a, true, T0, 5);
        Assert.Null(AlarmMachine.Acknowledge(a, "olga", "looking", T0.AddMinutes(1)));
        Assert.Equal(AlarmState.ActiveAcknowledged, a.State);
        Assert.Equal("olga", a.AcknowledgedBy);
        Assert.Equal("looking", a.Comment);
        Assert.Equal(T0.AddMinutes(1), a.AcknowledgedAt);
    }

    [Fact]
    public void SetCondition_ActiveAcknowledgedClears_BecomesNormal()
    {
        var a = NewAlarm();
        AlarmMachine.SetCondition(a, true, T0, 5);
        AlarmMachine.Acknowledge(a, "olga", null, T0);
        Assert.Equal(AlarmEventKind.Cleared, AlarmMachine.SetCondition(a, false, T0.AddMinutes(2), 1));
        Assert.Equal(AlarmState.Normal, a.State);
    }

    [Fact]
    public void SetCondition_ActiveUnacknowledgedClears_BecomesClearedUnacknowledged()
    {
        var a = NewAlarm();
        AlarmMachine.SetCondition(a, true, T0, 5);
        AlarmMachine.SetCondition(a, false, T0.AddMinutes(1), 1);
        Assert.Equal(AlarmState.ClearedUnacknowledged, a.State);
        Assert.Equal(T0.AddMinutes(1), a.ClearedAt);
    }

    [Fact]
    public void Acknowledge_ClearedUnacknowledged_BecomesNormal()
    {
        var a = NewAlarm();
        AlarmMachine.SetCondition(a, true, T0, 5);
        AlarmMachine.SetCondition(a, false, T0.AddMinutes(1), 1);
        Assert.Null(AlarmMachine.Acknowledge(a, "olga", null, T0.AddMinutes(2)));
        Assert.Equal(AlarmState.Normal, a.State);
    }

    [Fact]
    public void SetCondition_ClearedUnacknowledgedReturns_BecomesActiveUnacknowledged()
    {
        var a = NewAlarm();
        AlarmMachine.SetCondition(a, true, T0, 5);
        AlarmMachine.SetCondition(a, false, T0.AddMinutes(1), 1);
        AlarmMachine.SetCondition(a, true, T0.AddMinutes(2), 6);
        Assert.Equal(AlarmState.ActiveUnacknowledged, a.State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Acknowledge_NoUser_IsRefusedNamingTheUser(string? user)
    {
        var a = NewAlarm();
        AlarmMachine.SetCondition(a, true, T0, 5);
        var error = AlarmMachine.Acknowledge(a, user, null, T0);
        Assert.Contains("user", error, StringComparison.Ordinal);
        Assert.Equal(AlarmState.ActiveUnacknowledged, a.State);
    }

    [Fact]
    public void Acknowledge_Normal_IsRefusedNamingTheState()
    {
        var a = NewAlarm();
        var error = AlarmMachine.Acknowledge(a, "olga", null, T0);
        Assert.Contains("Normal", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledge_ActiveAcknowledgedAgain_IsRefused()
    {
        var a = NewAlarm();
        AlarmMachine.SetCondition(a, true, T0, 5);
        AlarmMachine.Acknowledge(a, "olga", null, T0);
        Assert.NotNull(AlarmMachine.Acknowledge(a, "ivan", null, T0));
        Assert.Equal("olga", a.AcknowledgedBy);
    }

    [Fact]
    public void Acknowledge_CommentTooLong_IsRefusedNamingTheLimit()
    {
        var a = NewAlarm();
        AlarmMachine.SetCondition(a, true, T0, 5);
        var error = AlarmMachine.Acknowledge(a, "olga", new string('x', AlarmMachine.MaxCommentLength + 1), T0);
        Assert.Contains("1000", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpireShelving_AfterExpiryWithConditionActive_ReturnsActiveUnacknowledged()
    {
        var a = NewAlarm();
        AlarmMachine.SetCondition(a, true, T0, 5);
        Assert.Null(AlarmMachine.Shelve(a, "olga", TimeSpan.FromMinutes(30), TimeSpan.FromHours(8), "sensor fault", T0));
        Assert.Equal(AlarmState.Shelved, a.State);
        Assert.False(AlarmMachine.ExpireShelving(a, T0.AddMinutes(29)));
        Assert.Equal(AlarmState.Shelved, a.State);
        Assert.True(AlarmMachine.ExpireShelving(a, T0.AddMinutes(30)));
        Assert.Equal(AlarmState.ActiveUnacknowledged, a.State);
        Assert.Null(a.ShelvedUntil);
    }

    [Fact]
    public void ExpireShelving_ConditionClearedWhileShelved_ReturnsNormal()
    {
        var a = NewAlarm();
        AlarmMachine.SetCondition(a, true, T0, 5);
        AlarmMachine.Shelve(a, "olga", TimeSpan.FromMinutes(30), TimeSpan.FromHours(8), null, T0);
        AlarmMachine.SetCondition(a, false, T0.AddMinutes(5), 1);
        Assert.Equal(AlarmState.Shelved, a.State);
        Assert.True(AlarmMachine.ExpireShelving(a, T0.AddHours(1)));
        Assert.Equal(AlarmState.Normal, a.State);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(9 * 60)]
    public void Shelve_BadDuration_IsRefused(int minutes)
    {
        var a = NewAlarm();
        var error = AlarmMachine.Shelve(a, "olga", TimeSpan.FromMinutes(minutes), TimeSpan.FromHours(8), null, T0);
        Assert.Contains("duration", error, StringComparison.Ordinal);
        Assert.Equal(AlarmState.Normal, a.State);
    }

    [Fact]
    public void Unshelve_NotShelved_IsRefused()
    {
        var a = NewAlarm();
        Assert.Contains("not shelved", AlarmMachine.Unshelve(a, "olga"), StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledge_Shelved_IsRefused()
    {
        var a = NewAlarm();
        AlarmMachine.SetCondition(a, true, T0, 5);
        AlarmMachine.Shelve(a, "olga", TimeSpan.FromMinutes(30), TimeSpan.FromHours(8), null, T0);
        Assert.Contains("Shelved", AlarmMachine.Acknowledge(a, "olga", null, T0), StringComparison.Ordinal);
    }
}
