using System.Globalization;
using FactoryTwin.Plant.ThermalCases;

namespace FactoryTwin.Cli.Output;

/// <summary>
/// Writes probe temperatures over time as CSV: header <c>time_s,&lt;probe&gt;_degC,…</c>, one row per output time, invariant culture
/// (decimal point, no thousands separator); temperatures in °C (K = °C + 273.15), times in seconds.
/// </summary>
internal static class ThermalCsv
{
    public const double CelsiusOffset = 273.15;

    public static void Write(TextWriter writer, ThermalRunResult run)
    {
        writer.Write("time_s");
        foreach (var p in run.Probes)
        {
            writer.Write(',');
            writer.Write(p.Probe.Id);
            writer.Write("_degC");
        }

        writer.Write('\n');
        for (var t = 0; t < run.Times.Count; t++)
        {
            writer.Write(run.Times[t].ToString("0.######", CultureInfo.InvariantCulture));
            foreach (var p in run.Probes)
            {
                writer.Write(',');
                writer.Write((p.Temperatures[t] - CelsiusOffset).ToString("0.####", CultureInfo.InvariantCulture));
            }

            writer.Write('\n');
        }
    }
}
