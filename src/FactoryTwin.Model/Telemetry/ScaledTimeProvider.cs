namespace FactoryTwin.Model.Telemetry;

/// <summary>
/// A clock that runs <see cref="Speed"/> times as fast as an inner clock, starting at <see cref="Origin"/>: after
/// <c>d</c> seconds of the inner clock it reads <c>Origin + Speed·d</c>. Timestamps, elapsed times and timers are scaled
/// the same way, so <c>Task.Delay(TimeSpan.FromMinutes(1), clock)</c> takes a minute of this clock's time.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly long _innerStart;

    /// <summary>Initializes a new instance of the <see cref="ScaledTimeProvider"/> class.</summary>
    /// <param name="inner">The clock it follows, usually <see cref="TimeProvider.System"/>.</param>
    /// <param name="speed">Seconds of this clock per second of <paramref name="inner"/>; positive and finite.</param>
    /// <param name="origin">The time it reads at creation; <see langword="null"/> for the inner clock's time then.</param>
    public ScaledTimeProvider(TimeProvider inner, double speed, DateTimeOffset? origin = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!double.IsFinite(speed) || speed <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The speed of a scaled clock must be positive and finite.");
        }

        _inner = inner;
        Speed = speed;
        _innerStart = inner.GetTimestamp();
        Origin = origin ?? inner.GetUtcNow();
    }

    /// <summary>Gets how many seconds of this clock pass per second of the inner clock.</summary>
    public double Speed { get; }

    /// <summary>Gets the time this clock read when it was created.</summary>
    public DateTimeOffset Origin { get; }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <inheritdoc/>
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() =>
        Origin.AddTicks((long)Math.Round(_inner.GetElapsedTime(_innerStart).Ticks * Speed));

    /// <inheritdoc/>
    public override long GetTimestamp() =>
        _innerStart + (long)Math.Round((_inner.GetTimestamp() - _innerStart) * Speed);

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_inner.CreateTimer(callback, state, ToInner(dueTime), ToInner(period)), this);

    private TimeSpan ToInner(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, (long)Math.Round(span.Ticks / Speed)));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToInner(dueTime), clock.ToInner(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
