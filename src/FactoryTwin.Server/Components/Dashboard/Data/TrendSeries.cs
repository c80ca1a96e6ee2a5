namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>A bucketed trend of one series over a time range.</summary>
/// <param name="Series">The series id.</param>
/// <param name="Since">The range start.</param>
/// <param name="Until">The range end.</param>
/// <param name="Bucket">The bucket width.</param>
/// <param name="Points">The buckets, oldest first.</param>
public sealed record TrendSeries(string Series, DateTimeOffset Since, DateTimeOffset Until, TimeSpan Bucket, IReadOnlyList<TrendPoint> Points);
