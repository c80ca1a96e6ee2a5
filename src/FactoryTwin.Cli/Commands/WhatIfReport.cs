using System.Globalization;
using FactoryTwin.Analytics.WhatIf;
using Spectre.Console;

namespace FactoryTwin.Cli.Commands;

/// <summary>The result of <c>factorytwin whatif</c> as text (one table: KPIs × scenarios) or as a JSON document.</summary>
internal sealed record WhatIfReport(
    string Plant,
    int Replications,
    ulong Seed,
    double Confidence,
    string Baseline,
    double WindowStartSeconds,
    double WindowEndSeconds,
    IReadOnlyList<WhatIfKpi> Kpis,
    IReadOnlyList<WhatIfScenarioReport> Scenarios,
    double ElapsedSeconds)
{
    public static WhatIfReport From(string plant, IReadOnlyList<string> files, WhatIfResult result, string baseline) => new(
        plant,
        result.Replications,
        result.Seed,
        result.Confidence,
        baseline,
        result.WindowStart,
        result.WindowEnd,
        result.Kpis,
        [.. result.Scenarios.Select((s, i) => new WhatIfScenarioReport(s.Scenario, files[i], s.Changes, s.Differences))],
        Math.Round(result.Elapsed.TotalSeconds, 3));

    public void WriteText(IAnsiConsole console)
    {
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"What-if on {Plant}: {Replications} replications per scenario with common random numbers (seed {Seed}), {Baseline}.")));
        foreach (var s in Scenarios)
        {
            console.MarkupLine(Markup.Escape($"{s.Name} ({s.File}):"));
            foreach (var change in s.Changes)
            {
                console.MarkupLine(Markup.Escape("  - " + change));
            }
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title(string.Create(CultureInfo.InvariantCulture, $"Difference from the baseline, scenario − baseline, {Confidence:P0} paired-t interval (* significant)"))
            .AddColumn("KPI")
            .AddColumn(new TableColumn("baseline").RightAligned());
        foreach (var s in Scenarios)
        {
            table.AddColumn(new TableColumn(Markup.Escape(s.Name)).RightAligned());
        }

        for (int k = 0; k < Kpis.Count; k++)
        {
            var kpi = Kpis[k];
            var cells = new List<string> { Markup.Escape($"{kpi.Name} [{kpi.Unit}]"), Number(Scenarios[0].Differences[k].Baseline) };
            foreach (var s in Scenarios)
            {
                var d = s.Differences[k];
                string text = string.Create(CultureInfo.InvariantCulture, $"{Signed(d.Difference)} ± {Number(d.HalfWidth)}{(d.Significant ? " *" : string.Empty)}");
                bool better = d.Significant && (d.Difference > 0) == kpi.HigherIsBetter;
                cells.Add(d.Significant ? $"[{(better ? "green" : "red")}]{Markup.Escape(text)}[/]" : Markup.Escape(text));
            }

            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        var throughput = Scenarios.Select(s => s.Differences.FirstOrDefault(d => d.Kpi == "throughput")?.VarianceReduction).ToList();
        console.MarkupLine(Markup.Escape("Variance reduction of common random numbers on throughput (Var(baseline) + Var(scenario)) / Var(difference): "
            + string.Join(", ", Scenarios.Select((s, i) => $"{s.Name} {(throughput[i] is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "×" : "n/a (no variance)")}"))));
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{ElapsedSeconds:0.00} s")));
    }

    private static string Number(double v) => double.IsFinite(v) ? v.ToString(Math.Abs(v) >= 100 ? "0.0" : "0.###", CultureInfo.InvariantCulture) : "n/a";

    private static string Signed(double v) => double.IsFinite(v) ? (v > 0 ? "+" : string.Empty) + Number(v) : "n/a";
}

/// <summary>One scenario in a <see cref="WhatIfReport"/>.</summary>
internal sealed record WhatIfScenarioReport(string Name, string File, IReadOnlyList<string> Changes, IReadOnlyList<KpiDifference> Differences);
