using System.CommandLine;
using System.Globalization;
using FactoryTwin.Cli.Output;
using FactoryTwin.Historian;
using FactoryTwin.Server.Fitting;
using Spectre.Console;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>factorytwin fit &lt;plant.yaml&gt; (--data &lt;DuckDB file or folder&gt; | --postgres &lt;connection&gt;) [--from t] [--to t]
/// [--write] [--output text|json]</c>: fits failure, repair and processing-time distributions per station from the
/// historian and prints the plant file diff that would apply them.
/// </summary>
internal static class FitCommand
{
    /// <summary>The default length of the history fitted when <c>--from</c> is not given.</summary>
    private static readonly TimeSpan DefaultRange = TimeSpan.FromDays(30);

    public static Command Create(TextWriter stdout, TextWriter stderr, TimeProvider? time = null)
    {
        var file = new Argument<string>("plant") { Description = "The plant file (YAML, apiVersion factorytwin/v1) whose stations are fitted." };
        var data = HistorianArgument.Data("The historian: its DuckDB file, or the folder that holds historian.duckdb.");
        var postgres = HistorianArgument.Postgres();
        var from = HistorianArgument.Instant("--from", "Start of the history (ISO 8601, UTC when no offset); default: 30 days before --to.");
        var to = HistorianArgument.Instant("--to", "End of the history (exclusive); default: now.");
        var write = new Option<bool>("--write") { Description = "Write the updated plant file (the previous one is kept as <plant>.bak)." };
        var output = OutputOption.Create();
        var command = new Command(
            "fit",
            "Fit time between failures, repair time and processing time (per station and variant) to exponential, lognormal, Weibull and gamma "
            + "by maximum likelihood with right censoring, test each with Kolmogorov–Smirnov, choose by AIC, and print the plant file diff that applies "
            + "the fits (--write applies it). Exit code 0 ok, 1 invalid plant or failed, 2 usage.")
        {
            file, data, postgres, from, to, write, output,
        };
        command.SetAction(async (r, ct) => await RunAsync(
            r.GetRequiredValue(file), r.GetValue(data), r.GetValue(postgres), r.GetValue(from), r.GetValue(to), r.GetValue(write), r.GetValue(output), time ?? TimeProvider.System, stdout, stderr, ct));
        return command;
    }

    public static async Task<int> RunAsync(string path, string? data, string? postgres, DateTimeOffset? from, DateTimeOffset? to, bool write, OutputFormat format, TimeProvider time, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (PlantFileInput.TryLoad(path, "fit", format == OutputFormat.Json ? stderr : stdout, stderr, out var plant) is { } code)
        {
            return code;
        }

        var (options, error) = HistorianArgument.Options(data, postgres, mustExist: true);
        if (options is null)
        {
            await stderr.WriteLineAsync(error);
            return ExitCodes.Usage;
        }

        var until = to ?? time.GetUtcNow();
        var since = from ?? until - DefaultRange;
        if (until <= since)
        {
            await stderr.WriteLineAsync($"error: --to ({until:O}) must be after --from ({since:O}).");
            return ExitCodes.Usage;
        }

        try
        {
            await using var historian = HistorianFactory.Create(options, time);
            int stations = plant!.Elements().OfType<FactoryTwin.Model.Plants.Station>().Count();
            var progress = new ProgressLines(n => stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fitted {n}/{stations} stations")));
            var (report, updated) = await PlantFitRun.RunAsync(historian, plant, path, since, until, progress, cancellationToken);
            if (write && report.Changes.Count > 0)
            {
                File.Copy(path, path + ".bak", overwrite: true);
                var temporary = path + ".tmp";
                await File.WriteAllTextAsync(temporary, updated, cancellationToken);
                File.Move(temporary, path, overwrite: true);
                report = report with { Written = true };
            }

            if (format == OutputFormat.Json)
            {
                JsonOutput.Write(stdout, report);
                return ExitCodes.Ok;
            }

            Print(report, Consoles.For(stdout), stdout);
            return ExitCodes.Ok;
        }
        catch (HistorianInUseException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message + " A running server fits from its own historian: POST /api/v1/fit.");
            return ExitCodes.Invalid;
        }
    }

    private static void Print(PlantFitDto report, IAnsiConsole console, TextWriter stdout)
    {
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Fits of {report.Plant} from {report.Since:yyyy-MM-dd HH:mm} to {report.Until:yyyy-MM-dd HH:mm} UTC (95 % intervals; K–S at 5 %; * = chosen by AIC):")));
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("station").AddColumn("quantity").AddColumn(new TableColumn("n (cens.)").RightAligned()).AddColumn("family")
            .AddColumn("parameters").AddColumn(new TableColumn("mean s").RightAligned()).AddColumn(new TableColumn("AIC").RightAligned()).AddColumn("K–S");
        foreach (var s in report.Stations)
        {
            void Rows(string quantity, FitDto? fit)
            {
                if (fit is null)
                {
                    return;
                }

                foreach (var c in fit.Candidates)
                {
                    table.AddRow(
                        Markup.Escape(s.Station),
                        Markup.Escape(quantity),
                        string.Create(CultureInfo.InvariantCulture, $"{fit.Count} ({fit.Censored})"),
                        (c.Family == fit.Chosen ? "* " : "  ") + c.Family,
                        Markup.Escape(string.Join(", ", c.Parameters.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Estimate:G4} [{p.Lower:G4}, {p.Upper:G4}]")))),
                        c.Mean.ToString("G5", CultureInfo.InvariantCulture),
                        c.Aic.ToString("0.0", CultureInfo.InvariantCulture),
                        string.Create(CultureInfo.InvariantCulture, $"{c.Ks:0.000}{(c.Rejected ? " rejected" : string.Empty)}"));
                }
            }

            Rows($"time between failures ({s.Basis})", s.Failures);
            Rows("repair time", s.Repairs);
            Rows("processing time", s.Processing);
            foreach (var v in s.ProcessingByVariant)
            {
                Rows($"processing time, {v.Variant}", v.Fit);
            }
        }

        console.Write(table);
        foreach (var s in report.Stations.Where(s => s.Notes.Count > 0))
        {
            console.MarkupLine(Markup.Escape($"{s.Station}: {string.Join("; ", s.Notes)}"));
        }

        foreach (var skip in report.Skipped)
        {
            console.MarkupLine(Markup.Escape($"not written: {skip}"));
        }

        if (report.Diff.Length == 0)
        {
            console.MarkupLine("The fits change nothing in the plant file.");
            return;
        }

        stdout.Write(report.Diff);
        console.MarkupLine(report.Written ? "Written; the previous file is kept as .bak." : "Review the diff; run again with --write to apply it.");
    }
}
