namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>Chooses the bucket width of a trend query so that any range, a minute or a month, returns a few hundred points.</summary>
public static class TrendBuckets
{
    /// <summary>The most buckets a trend asks for.</summary>
    public const int MaxBuckets = 600;

    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
        TimeSpan.FromHours(12), TimeSpan.FromDays(1),
    ];

    /// <summary>Gets the smallest round bucket width that splits a range into at most <see cref="MaxBuckets"/> buckets.</summary>
    /// <param name="range">The range; must be positive.</param>
    /// <returns>The width.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range is zero or negative.</exception>
    public static TimeSpan For(TimeSpan range)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(range, TimeSpan.Zero);
        foreach (var step in Steps)
        {
            if (range.Ticks / step.Ticks <= MaxBuckets)
            {
                return step;
            }
        }

        var days = Math.Ceiling(range.TotalDays / MaxBuckets);
        return TimeSpan.FromDays(days);
    }
}
