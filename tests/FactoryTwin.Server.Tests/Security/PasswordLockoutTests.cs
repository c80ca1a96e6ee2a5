using System.Net;
using FactoryTwin.Server.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Server.Tests.Security;

public sealed class PasswordLockoutTests
{
    private static readonly IPAddress Here = IPAddress.Parse("192.0.2.10");
    private static readonly IPAddress There = IPAddress.Parse("198.51.100.20");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void RecordFailure_LimitReachedForUser_LocksThatUserFromAnyAddress()
    {
        var lockout = Create(failures: 3, minutes: 15);

        Assert.False(lockout.RecordFailure("alice", Here));
        Assert.False(lockout.RecordFailure("alice", There));
        Assert.True(lockout.RecordFailure("ALICE", null));

        Assert.True(lockout.IsLockedOut("alice", IPAddress.Loopback, out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(15), retryAfter);
        Assert.False(lockout.IsLockedOut("bob", IPAddress.Loopback, out _));
    }

    [Fact]
    public void RecordFailure_LimitReachedFromAddress_LocksEveryUserThere()
    {
        var lockout = Create(failures: 3, minutes: 15);

        lockout.RecordFailure("alice", Here);
        lockout.RecordFailure("bob", Here);
        lockout.RecordFailure("carol", Here);

        Assert.True(lockout.IsLockedOut("dave", Here, out _));
        Assert.False(lockout.IsLockedOut("dave", There, out _));
    }

    [Fact]
    public void IsLockedOut_AfterTheLockout_IsFalse()
    {
        var lockout = Create(failures: 2, minutes: 15);
        lockout.RecordFailure("alice", Here);
        lockout.RecordFailure("alice", Here);

        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.True(lockout.IsLockedOut("alice", Here, out var left));
        Assert.Equal(TimeSpan.FromMinutes(1), left);
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(lockout.IsLockedOut("alice", Here, out _));
    }

    [Fact]
    public void RecordFailure_SpreadBeyondTheWindow_DoesNotLock()
    {
        var lockout = Create(failures: 2, minutes: 15);

        lockout.RecordFailure("alice", null);
        _time.Advance(TimeSpan.FromMinutes(16));

        Assert.False(lockout.RecordFailure("alice", null));
        Assert.False(lockout.IsLockedOut("alice", null, out _));
    }

    [Fact]
    public void RecordSuccess_BeforeTheLimit_ForgetsTheUsersFailures()
    {
        var lockout = Create(failures: 2, minutes: 15);
        lockout.RecordFailure("alice", null);

        lockout.RecordSuccess("alice");

        Assert.False(lockout.RecordFailure("alice", null));
    }

    private PasswordLockout Create(int failures, int minutes) =>
        new(Options.Create(new ServerOptions { PasswordFailuresBeforeLockout = failures, LockoutMinutes = minutes }), _time);
}
