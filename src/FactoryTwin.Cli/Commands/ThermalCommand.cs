using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FactoryTwin.Cli.Output;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Yaml;
using FactoryTwin.Plant.ThermalCases;
using Spectre.Console;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>factorytwin thermal &lt;case.yaml&gt; [--output text|json] [--csv probes.csv] [--plot out.png]</c>: runs a thermal case
/// (docs/thermal-case.md) and reports its probes.
/// </summary>
internal static class ThermalCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("case") { Description = "The thermal case file (YAML, apiVersion factorytwin/v1, kind ThermalCase)." };
        var output = OutputOption.Create();
        var csv = new Option<string?>("--csv") { Description = "Write probe temperatures over time to this CSV file (time_s, then one column per probe in °C)." };
        var plot = new Option<string?>("--plot") { Description = "Write the probe curves to this PNG; 2-D/3-D cases also get the final field in <name>-field.png." };
        csv.Validators.Add(r => CheckPath(r, ".csv"));
        plot.Validators.Add(r => CheckPath(r, ".png"));
        var command = new Command("thermal", "Run a heat-conduction case: print the probes' final, lowest and highest temperatures; optionally write them over time as CSV and plot them. Exit code 0 done, 1 invalid case or failed run, 2 usage.")
        {
            file,
            output,
            csv,
            plot,
        };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            parseResult.GetRequiredValue(file), parseResult.GetValue(output), parseResult.GetValue(csv), parseResult.GetValue(plot), stdout, stderr, cancellationToken)));
        return command;
    }

    public static int Run(string path, OutputFormat format, string? csvPath, string? plotPath, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            stderr.WriteLine($"error: thermal case file '{path}' does not exist. Pass the path of a thermal case YAML file, e.g. samples/thermal/plane-wall-analytic.yaml.");
            return ExitCodes.Usage;
        }

        var loaded = ThermalCaseLoader.LoadFile(path);
        var diagnostics = loaded.Diagnostics.Select(DiagnosticDto.From).ToList();
        if (!loaded.Success)
        {
            return Invalid(path, loaded.Diagnostics, diagnostics, format, stdout);
        }

        var c = loaded.Case!;
        ThermalRunResult run;
        var watch = Stopwatch.StartNew();
        try
        {
            run = RunWithProgress(c, stderr, cancellationToken);
        }
        catch (NotSupportedException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.Invalid;
        }
        catch (InvalidOperationException ex)
        {
            // the implicit solve did not converge
            stderr.WriteLine($"error: the run failed: {ex.Message}");
            return ExitCodes.Invalid;
        }

        watch.Stop();
        var plots = (IReadOnlyList<string>?)null;
        try
        {
            if (csvPath is not null)
            {
                using var writer = new StreamWriter(OutputFile.Prepare(csvPath), append: false, new System.Text.UTF8Encoding(false));
                ThermalCsv.Write(writer, run);
            }

            if (plotPath is not null)
            {
                plots = ThermalPlots.Write(plotPath, run);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write the output: {ex.Message}");
            return ExitCodes.Invalid;
        }

        var summary = Summarize(run, watch.Elapsed.TotalSeconds);
        var probes = run.Probes.Select(p => ProbeSummary(p, run)).ToList();
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(stdout, new ThermalReport(path, true, diagnostics, summary, probes, csvPath, plots));
            return ExitCodes.Ok;
        }

        foreach (var d in loaded.Diagnostics)
        {
            stdout.WriteLine(d.ToString());
        }

        WriteText(Consoles.For(stdout), summary, probes, csvPath, plots);
        return ExitCodes.Ok;
    }

    private static int Invalid(string path, IReadOnlyList<Diagnostic> raw, List<DiagnosticDto> diagnostics, OutputFormat format, TextWriter stdout)
    {
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(stdout, new ThermalReport(path, false, diagnostics, null, null, null, null));
            return ExitCodes.Invalid;
        }

        foreach (var d in raw)
        {
            stdout.WriteLine(d.ToString());
        }

        var errors = raw.Count(d => d.Severity == DiagnosticSeverity.Error);
        stdout.WriteLine();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path} is invalid: {errors} error(s). Fix them and run 'factorytwin thermal {path}' again."));
        return ExitCodes.Invalid;
    }

    private static ThermalRunResult RunWithProgress(ThermalCase c, TextWriter stderr, CancellationToken cancellationToken)
    {
        var interactive = Consoles.IsErrorTerminal(stderr);
        if (!interactive)
        {
            return ThermalCaseRunner.Run(c, new ThermalProgressLog(stderr, c.Name), cancellationToken);
        }

        ThermalRunResult? result = null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(RecordingWriter.Unwrap(stderr)) });
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(c.Name), maxValue: c.EndTime);
                result = ThermalCaseRunner.Run(c, new SpectreProgress(task), cancellationToken);
                task.Value = c.EndTime;
            });
        return result!;
    }

    private static ThermalRunSummary Summarize(ThermalRunResult run, double wallSeconds)
    {
        var c = run.Case;
        int[] cells = c.Dimensions switch
        {
            1 => [c.Grid.Nx],
            2 => [c.Grid.Nx, c.Grid.Ny],
            _ => [c.Grid.Nx, c.Grid.Ny, c.Grid.Nz],
        };
        return new ThermalRunSummary(
            c.Name,
            c.Dimensions,
            cells,
            MappingReader.ToKebab(c.Scheme.ToString()),
            MappingReader.ToKebab(c.Backend.ToString()),
            c.EndTime,
            run.Steps,
            run.MeanTimeStep,
            run.Times.Count,
            Math.Round(wallSeconds, 3));
    }

    private static ThermalProbeSummary ProbeSummary(ThermalProbeSeries p, ThermalRunResult run)
    {
        var t = p.Temperatures;
        var max = 0;
        var min = 0;
        for (var i = 1; i < t.Count; i++)
        {
            max = t[i] > t[max] ? i : max;
            min = t[i] < t[min] ? i : min;
        }

        double[] at = run.Case.Dimensions switch
        {
            1 => [p.Probe.At.X],
            2 => [p.Probe.At.X, p.Probe.At.Y],
            _ => [p.Probe.At.X, p.Probe.At.Y, p.Probe.At.Z],
        };
        return new ThermalProbeSummary(
            p.Probe.Id, at, Celsius(t[^1]), Celsius(t[min]), Celsius(t[max]), run.Times[max]);
    }

    private static double Celsius(double kelvin) => Math.Round(kelvin - ThermalCsv.CelsiusOffset, 4);

    private static void WriteText(IAnsiConsole console, ThermalRunSummary s, IReadOnlyList<ThermalProbeSummary> probes, string? csv, IReadOnlyList<string>? plots)
    {
        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[green]✓[/] [bold]{Markup.Escape(s.Name)}[/]: {s.Dimensions}-D, {string.Join(" × ", s.Cells)} cells, {s.Scheme} on {s.Backend}; {s.EndTimeSeconds:0.###} s simulated in {s.Steps} steps (mean step {s.MeanTimeStepSeconds:G4} s), {s.WallSeconds:0.###} s wall time."));
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("probe")
            .AddColumn(new TableColumn("final (°C)").RightAligned())
            .AddColumn(new TableColumn("min (°C)").RightAligned())
            .AddColumn(new TableColumn("max (°C)").RightAligned())
            .AddColumn(new TableColumn("max at (s)").RightAligned());
        foreach (var p in probes)
        {
            table.AddRow(
                Markup.Escape(p.Id),
                p.FinalCelsius.ToString("0.00", CultureInfo.InvariantCulture),
                p.MinCelsius.ToString("0.00", CultureInfo.InvariantCulture),
                p.MaxCelsius.ToString("0.00", CultureInfo.InvariantCulture),
                p.TimeOfMaxSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (csv is not null)
        {
            console.MarkupLine($"Probe temperatures over time: {Markup.Escape(csv)}");
        }

        foreach (var plot in plots ?? [])
        {
            console.MarkupLine($"Figure: {Markup.Escape(plot)}");
        }
    }

    private static void CheckPath(System.CommandLine.Parsing.OptionResult result, string extension)
    {
        var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        if (string.IsNullOrWhiteSpace(value))
        {
            result.AddError($"{result.Option.Name} needs a file path.");
            return;
        }

        if (!value.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
        {
            result.AddError($"{result.Option.Name} '{value}' must end in {extension}.");
            return;
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(value));
        if (dir is not null && !Directory.Exists(dir))
        {
            result.AddError($"{result.Option.Name}: the folder '{dir}' does not exist.");
        }
    }

    private sealed class SpectreProgress(ProgressTask task) : IProgress<ThermalRunProgress>
    {
        public void Report(ThermalRunProgress value) => task.Value = value.Time;
    }
}
