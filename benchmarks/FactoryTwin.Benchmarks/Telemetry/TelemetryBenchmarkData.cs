using System.Globalization;
using System.Text;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Benchmarks.Telemetry;

/// <summary>The automotive sample plant and schema v1 payloads for the telemetry benchmarks.</summary>
internal static class TelemetryBenchmarkData
{
    public const string Topic = "factorytwin/v1/lakeside/paint/ecoat-oven/measure";

    public static readonly string[] Sensors = ["ecoat-oven-z1-air", "ecoat-oven-z2-air", "ecoat-oven-z3-air", "ecoat-oven-z4-air", "ecoat-oven-z5-air"];

    public static PlantModel LoadPlant()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FactoryTwin.slnx")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("run inside the repository"), "samples", "plants", "automotive.yaml");
        return PlantLoader.LoadFile(path).Model ?? throw new InvalidOperationException("automotive.yaml does not load");
    }

    /// <summary>A batched measure message: <paramref name="values"/> values, the 5 oven sensors at successive 1 s steps, each with its own ts.</summary>
    public static string Measure(long seq, DateTimeOffset t0, int values)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $$"""{"ts":"{{Ts(t0)}}","seq":{{seq}},"values":[""");
        for (var i = 0; i < values; i++)
        {
            var ts = t0.AddSeconds(-(i / Sensors.Length));
            sb.Append(i == 0 ? string.Empty : ",");
            sb.Append(CultureInfo.InvariantCulture, $$"""{"sensor":"{{Sensors[i % Sensors.Length]}}","value":{{180 + (i % 7) * 0.5}},"ts":"{{Ts(ts)}}"}""");
        }

        return sb.Append("]}").ToString();
    }

    public static string State(long seq, DateTimeOffset t0) => $$"""{"ts":"{{Ts(t0)}}","seq":{{seq}},"state":"working"}""";

    public static string Ts(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
