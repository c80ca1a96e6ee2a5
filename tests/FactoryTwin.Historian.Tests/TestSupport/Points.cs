using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Historian.Tests.TestSupport;

/// <summary>Small builders for test batches.</summary>
internal static class Points
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    public static SeriesId Series(string asset = "ecoat-oven", string channel = "z1-air") => SeriesId.Of(new AssetId(asset), channel);

    public static SeriesPoint At(SeriesId series, double seconds, double value, long seq = 0) =>
        new(series, T0.AddSeconds(seconds), value, seq);

    public static TelemetryBatch Batch(params SeriesPoint[] points) => new(points, []);

    /// <summary>A series sampled every <paramref name="stepSeconds"/> from <paramref name="startSeconds"/>, seq = index.</summary>
    public static SeriesPoint[] Ramp(SeriesId series, int count, double startSeconds = 0, double stepSeconds = 1, Func<int, double>? value = null)
    {
        var result = new SeriesPoint[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = new SeriesPoint(series, T0.AddSeconds(startSeconds + (i * stepSeconds)), value?.Invoke(i) ?? (300 + (i * 0.01)), i);
        }

        return result;
    }

    public static PartEvent Part(string asset, double seconds, PartEventKind kind, string partId, long seq) =>
        new(new AssetId(asset), T0.AddSeconds(seconds), kind, partId, new VariantId("sedan"), new ColourId("red"), seq);
}
