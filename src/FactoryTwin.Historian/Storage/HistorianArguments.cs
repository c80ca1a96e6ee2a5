using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Historian.Storage;

/// <summary>Argument checks shared by both historians, with the throws kept out of line.</summary>
internal static class HistorianArguments
{
    public static void Series(SeriesId series, [CallerArgumentExpression(nameof(series))] string? name = null)
    {
        if (string.IsNullOrEmpty(series.Value))
        {
            ThrowEmptySeries(name);
        }
    }

    public static void SeriesList(IReadOnlyCollection<SeriesId>? series, [CallerArgumentExpression(nameof(series))] string? name = null)
    {
        if (series is null)
        {
            return;
        }

        foreach (var s in series)
        {
            if (string.IsNullOrEmpty(s.Value))
            {
                ThrowEmptySeries(name);
            }
        }
    }

    public static void Asset(AssetId? asset, [CallerArgumentExpression(nameof(asset))] string? name = null)
    {
        if (asset is { } a && string.IsNullOrEmpty(a.Value))
        {
            throw new ArgumentException("The asset id must not be empty; pass null for all assets.", name);
        }
    }

    public static void Range(DateTimeOffset since, DateTimeOffset until, [CallerArgumentExpression(nameof(until))] string? name = null)
    {
        if (until < since)
        {
            ThrowEndBeforeStart(since, until, name);
        }
    }

    public static long Bucket(TimeSpan bucket, [CallerArgumentExpression(nameof(bucket))] string? name = null)
    {
        var micros = TimeCodec.ToMicros(bucket);
        if (micros <= 0)
        {
            ThrowBadBucket(bucket, name);
        }

        return micros;
    }

    public static void Batch(TelemetryBatch batch, [CallerArgumentExpression(nameof(batch))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(batch, name);
        ArgumentNullException.ThrowIfNull(batch.Points, name + ".Points");
        ArgumentNullException.ThrowIfNull(batch.Parts, name + ".Parts");
        var points = batch.Points;
        for (var i = 0; i < points.Count; i++)
        {
            if (string.IsNullOrEmpty(points[i].Series.Value))
            {
                ThrowEmptyPointSeries(i, name);
            }
        }

        var parts = batch.Parts;
        for (var i = 0; i < parts.Count; i++)
        {
            var p = parts[i];
            if (string.IsNullOrEmpty(p.Asset.Value) || string.IsNullOrEmpty(p.PartId) || !Enum.IsDefined(p.Kind))
            {
                ThrowBadPart(i, name);
            }
        }
    }

    public static void Path(string path, [CallerArgumentExpression(nameof(path))] string? name = null) =>
        ArgumentException.ThrowIfNullOrWhiteSpace(path, name);

    [DoesNotReturn]
    private static void ThrowEmptySeries(string? name) =>
        throw new ArgumentException("The series id must not be empty; it has the form '{asset}/{channel}'.", name);

    [DoesNotReturn]
    private static void ThrowEmptyPointSeries(int index, string? name) =>
        throw new ArgumentException($"Point {index.ToString(System.Globalization.CultureInfo.InvariantCulture)} of the batch has an empty series id.", name);

    [DoesNotReturn]
    private static void ThrowBadPart(int index, string? name) =>
        throw new ArgumentException($"Part event {index.ToString(System.Globalization.CultureInfo.InvariantCulture)} of the batch has an empty asset or part id, or an unknown kind.", name);

    [DoesNotReturn]
    private static void ThrowEndBeforeStart(DateTimeOffset since, DateTimeOffset until, string? name) =>
        throw new ArgumentException(
            $"The range end {until.ToString("O", System.Globalization.CultureInfo.InvariantCulture)} is before its start {since.ToString("O", System.Globalization.CultureInfo.InvariantCulture)}.",
            name);

    [DoesNotReturn]
    private static void ThrowBadBucket(TimeSpan bucket, string? name) =>
        throw new ArgumentOutOfRangeException(name, bucket, "The bucket width must be positive (at least one microsecond).");
}
