namespace FactoryTwin.Historian.Storage;

/// <summary>Timestamps as stored: microseconds since the Unix epoch (UTC), the resolution of DuckDB and PostgreSQL timestamps.</summary>
internal static class TimeCodec
{
    public const long MicrosPerMinute = 60_000_000;

    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>Converts to microseconds since the epoch; sub-microsecond ticks are floored.</summary>
    public static long ToMicros(DateTimeOffset timestamp) => Math.DivRem(timestamp.UtcTicks - DateTime.UnixEpoch.Ticks, TicksPerMicrosecond, out var rem) - (rem < 0 ? 1 : 0);

    /// <summary>Converts microseconds since the epoch back to a UTC timestamp.</summary>
    public static DateTimeOffset FromMicros(long micros) => new(DateTime.UnixEpoch.Ticks + (micros * TicksPerMicrosecond), TimeSpan.Zero);

    /// <summary>Converts a bucket width to whole microseconds.</summary>
    public static long ToMicros(TimeSpan width) => width.Ticks / TicksPerMicrosecond;

    /// <summary>Floors <paramref name="micros"/> to a multiple of <paramref name="width"/> (floor division, also before 1970).</summary>
    public static long Floor(long micros, long width) => micros - (((micros % width) + width) % width);
}
