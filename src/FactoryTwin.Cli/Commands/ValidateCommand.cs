using System.CommandLine;
using System.Globalization;
using FactoryTwin.Cli.Output;
using FactoryTwin.Model.Capacity;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using Spectre.Console;

namespace FactoryTwin.Cli.Commands;

/// <summary><c>factorytwin validate &lt;plant.yaml&gt; [--output text|json]</c>: checks a plant file and summarizes it.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("plant") { Description = "The plant file (YAML, apiVersion factorytwin/v1)." };
        var output = OutputOption.Create();
        var command = new Command("validate", "Check a plant file: print every error with file:line:column, or a summary with per-line capacity and the capacity bottleneck. Exit code 0 valid, 1 invalid, 2 usage.")
        {
            file,
            output,
        };
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(file), parseResult.GetValue(output), stdout, stderr));
        return command;
    }

    public static int Run(string path, OutputFormat format, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(path))
        {
            stderr.WriteLine($"error: plant file '{path}' does not exist. Pass the path of a plant YAML file, e.g. samples/plants/automotive.yaml.");
            return ExitCodes.Usage;
        }

        var result = PlantLoader.LoadFile(path);
        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = result.Diagnostics.Count - errors;
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(stdout, new ValidationReport(
                path,
                result.Success,
                errors,
                warnings,
                [.. result.Diagnostics.Select(DiagnosticDto.From)],
                result.Model is null ? null : PlantSummary.From(result.Model, CapacityAnalysis.Analyze(result.Model))));
            return result.Success ? ExitCodes.Ok : ExitCodes.Invalid;
        }

        foreach (var d in result.Diagnostics)
        {
            stdout.WriteLine(d.ToString());
        }

        if (!result.Success)
        {
            stdout.WriteLine();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path} is invalid: {errors} error(s), {warnings} warning(s). Fix them and run 'factorytwin validate {path}' again."));
            return ExitCodes.Invalid;
        }

        WriteSummary(Consoles.For(stdout), path, PlantSummary.From(result.Model!, CapacityAnalysis.Analyze(result.Model!)));
        return ExitCodes.Ok;
    }

    private static void WriteSummary(IAnsiConsole console, string path, PlantSummary s)
    {
        console.MarkupLine($"[green]✓[/] {Markup.Escape(path)} is a valid plant ({Markup.Escape(PlantModel.CurrentApiVersion)}).");
        console.MarkupLine($"Site [bold]{Markup.Escape(s.Site)}[/] ({Markup.Escape(s.SiteId)}), time zone {Markup.Escape(s.TimeZone)}.");
        var counts = new Table().Border(TableBorder.Rounded).AddColumn("kind").AddColumn(new TableColumn("count").RightAligned());
        foreach (var (kind, count) in s.Counts)
        {
            counts.AddRow(Markup.Escape(kind), count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(counts);
        var lines = new Table().Border(TableBorder.Rounded)
            .AddColumn("line")
            .AddColumn(new TableColumn("capacity (jobs/h)").RightAligned())
            .AddColumn("capacity bottleneck")
            .AddColumn(new TableColumn("load at release rate").RightAligned());
        foreach (var l in s.Lines)
        {
            lines.AddRow(
                Markup.Escape(l.Line),
                Format(l.CapacityPerHour),
                Markup.Escape(l.Bottleneck ?? "–"),
                l.BottleneckUtilization is { } u ? u.ToString("P0", CultureInfo.InvariantCulture) : "–");
        }

        console.Write(lines);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Release rate {Format(s.ReleasePerHour)} jobs/h; theoretical plant capacity {Format(s.CapacityPerHour)} jobs/h; capacity bottleneck [bold]{Markup.Escape(s.Bottleneck ?? "none")}[/]."));
        console.MarkupLine("[grey]Capacity counts mean processing times, parallel servers, availability and routing, not blocking, setups or shifts; 'factorytwin simulate' gives the real output.[/]");
    }

    private static string Format(double v) => double.IsPositiveInfinity(v) ? "∞" : v.ToString("0.0", CultureInfo.InvariantCulture);
}
