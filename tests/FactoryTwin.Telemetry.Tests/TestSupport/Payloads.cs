using System.Globalization;
using System.Text;

namespace FactoryTwin.Telemetry.Tests.TestSupport;

/// <summary>Builds schema v1 topics and payloads.</summary>
internal static class Payloads
{
    public const string Site = "lakeside";

    public static readonly string[] OvenSensors =
    [
        "ecoat-oven-z1-air", "ecoat-oven-z2-air", "ecoat-oven-z3-air", "ecoat-oven-z4-air", "ecoat-oven-z5-air",
    ];

    public static string Topic(string line, string asset, string kind) => $"factorytwin/v1/{Site}/{line}/{asset}/{kind}";

    public static string OvenTopic => Topic("paint", "ecoat-oven", "measure");

    public static string Ts(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Measure(long seq, DateTimeOffset ts, params (string Sensor, double Value)[] values)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $$"""{"ts":"{{Ts(ts)}}","seq":{{seq}},"values":[""");
        for (var i = 0; i < values.Length; i++)
        {
            sb.Append(i == 0 ? string.Empty : ",");
            sb.Append(CultureInfo.InvariantCulture, $$"""{"sensor":"{{values[i].Sensor}}","value":{{values[i].Value.ToString("R", CultureInfo.InvariantCulture)}}}""");
        }

        return sb.Append("]}").ToString();
    }

    /// <summary>A measure message with every oven sensor, values spread over the range.</summary>
    public static string Oven(long seq, DateTimeOffset ts) =>
        Measure(seq, ts, [.. OvenSensors.Select((s, i) => (s, 150.0 + i + (seq % 10)))]);

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
