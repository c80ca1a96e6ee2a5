using FactoryTwin.Analytics.WhatIf;

namespace FactoryTwin.Analytics.Tests.WhatIf;

/// <summary>Every figure of a what-if comparison but its elapsed time, doubles as their bits, for bit-for-bit comparisons.</summary>
internal static class WhatIfFigures
{
    public static List<string> Of(WhatIfResult result)
    {
        var figures = new List<string> { Text(result.Replications), Text((long)result.Seed), Bits(result.Confidence), Flag(result.FromSnapshot), Bits(result.WindowStart), Bits(result.WindowEnd) };
        figures.AddRange(result.Kpis.Select(k => k.ToString()));
        foreach (var scenario in result.Scenarios)
        {
            figures.Add(scenario.Scenario);
            figures.AddRange(scenario.Changes);
            foreach (var d in scenario.Differences)
            {
                figures.AddRange([d.Kpi, Bits(d.Baseline), Bits(d.Scenario), Bits(d.Difference), Bits(d.HalfWidth), Flag(d.Significant), Bits(d.VarianceReduction ?? double.NaN), Text(d.Count)]);
            }
        }

        return figures;
    }

    private static string Flag(bool value) => value ? "yes" : "no";

    private static string Bits(double value) => Text(BitConverter.DoubleToInt64Bits(value));

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
