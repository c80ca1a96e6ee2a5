using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using FactoryTwin.Analytics.Buffers;
using FactoryTwin.Cli.Output;
using FactoryTwin.Model.Ids;
using Spectre.Console;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>factorytwin optimize buffers &lt;plant.yaml&gt; (--budget N | --target-jph X) [--line id] [--buffers a,b]
/// [--min-capacity 0] [--replications 10] [--max-replications 160] [--indifference 0.5] [--seed 1] [--warmup 1h]
/// [--duration 8h] [--max-evaluations 5000] [--output text|json]</c>: searches the allocation of a line's buffer places
/// by simulation with common random numbers.
/// </summary>
internal static class OptimizeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("optimize", "Search for better settings of the plant by simulation. Subcommands: buffers.");
        command.Subcommands.Add(Buffers(stdout, stderr));
        return command;
    }

    private static Command Buffers(TextWriter stdout, TextWriter stderr)
    {
        var plant = new Argument<string>("plant") { Description = "The plant file (YAML, apiVersion factorytwin/v1)." };
        var line = new Option<string?>("--line") { Description = "The line whose buffers to allocate (default: the plant's only line with buffers)." };
        var buffers = new Option<string?>("--buffers") { Description = "Comma-separated buffer ids to allocate (default: every buffer of the line)." };
        var budget = new Option<int?>("--budget") { Description = "Total buffer places to share out; the search maximises the line's throughput." };
        var target = new Option<double?>("--target-jph") { Description = "Line throughput to reach in jobs per hour; the search minimises the total buffer places." };
        var min = Whole("--min-capacity", 0, 0, "Least places per buffer; 0 lets the search remove a buffer (a buffer that splits to several elements keeps 1).");
        var replications = Whole("--replications", 10, 2, "Replications of a first comparison.");
        var maxReplications = Whole("--max-replications", 160, 2, "Most replications a comparison grows to before two allocations count as indistinguishable.");
        var maxEvaluations = Whole("--max-evaluations", 5000, 1, "Most allocation evaluations (simulation runs) to spend.");
        var indifference = new Option<double>("--indifference")
        {
            Description = "Indifference zone in percent of throughput: differences below it are not worth resolving.",
            DefaultValueFactory = _ => 0.5,
        };
        var seed = SimulateOptions.Seed();
        var warmup = SimulateOptions.Duration("--warmup", "1h", "Warm-up from the empty plant before statistics start, with a unit (0 s for none).", allowZero: true);
        var duration = SimulateOptions.Duration("--duration", "8h", "Statistics window of each replication, with a unit.", allowZero: false);
        var output = OutputOption.Create();
        var command = new Command(
            "buffers",
            "Find the allocation of a line's buffer places that maximises throughput for a budget (--budget), or the smallest total that reaches a "
            + "throughput (--target-jph), by simulation with common random numbers and a local search with paired comparisons. Reports the best "
            + "allocation, its throughput interval and the evaluations spent. Exit code 0 ok, 1 invalid plant or request, 2 usage.")
        {
            plant, line, buffers, budget, target, min, replications, maxReplications, maxEvaluations, indifference, seed, warmup, duration, output,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new BufferAllocationOptions
            {
                Line = parseResult.GetValue(line) is { } l ? new LineId(l) : null,
                Buffers = parseResult.GetValue(buffers) is { } b ? [.. b.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => new AssetId(x))] : [],
                Budget = parseResult.GetValue(budget),
                TargetThroughput = parseResult.GetValue(target),
                MinCapacity = parseResult.GetValue(min),
                Replications = parseResult.GetValue(replications),
                MaxReplications = parseResult.GetValue(maxReplications),
                MaxEvaluations = parseResult.GetValue(maxEvaluations),
                IndifferenceZone = parseResult.GetValue(indifference) / 100,
                Seed = parseResult.GetValue(seed),
                WarmUp = parseResult.GetValue(warmup),
                Duration = parseResult.GetValue(duration),
            };
            return Task.FromResult(RunBuffers(parseResult.GetRequiredValue(plant), options, parseResult.GetValue(output) == OutputFormat.Json, stdout, stderr, cancellationToken));
        });
        return command;
    }

    public static int RunBuffers(string path, BufferAllocationOptions options, bool json, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (PlantFileInput.TryLoad(path, "optimize buffers", json ? stderr : stdout, stderr, out var plantModel) is { } failed)
        {
            return failed;
        }

        BufferAllocationResult result;
        try
        {
            var gate = new Lock();
            var progress = new ProgressLines(n =>
            {
                if (n % 10 == 0)
                {
                    lock (gate)
                    {
                        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"optimize buffers: {n} evaluations"));
                    }
                }
            });
            result = BufferAllocator.Optimize(plantModel!, options, progress, cancellationToken);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            stderr.WriteLine($"error: {CleanMessage(ex)}");
            return ExitCodes.Invalid;
        }

        var report = BufferReport.From(path, result, options);
        if (json)
        {
            JsonOutput.Write(stdout, report);
        }
        else
        {
            report.WriteText(Consoles.For(stdout));
        }

        return ExitCodes.Ok;
    }

    /// <summary>An argument exception's message without the " (Parameter 'x')" suffix, which names code, not what the user wrote.</summary>
    internal static string CleanMessage(Exception ex) =>
        ex is ArgumentException { ParamName: { } name } a ? a.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : ex.Message;

    private static Option<int> Whole(string name, int defaultValue, int least, string description) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : defaultValue.ToString(CultureInfo.InvariantCulture);
            if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < least)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number of at least {least}, not '{token}'."));
                return least;
            }

            return n;
        },
    };
}

/// <summary>The result of <c>factorytwin optimize buffers</c>.</summary>
internal sealed record BufferReport(
    string Plant,
    string Line,
    int? Budget,
    double? TargetThroughput,
    bool? TargetReached,
    IReadOnlyList<BufferCapacityRow> Allocation,
    int Total,
    double Throughput,
    double HalfWidth,
    int Replications,
    IReadOnlyList<int> CurrentAllocation,
    double CurrentThroughput,
    double CurrentHalfWidth,
    IReadOnlyList<AllocationEstimate> Path,
    string Stop,
    int Evaluations,
    long ReplicationsSimulated,
    double EvaluationsPerSecond,
    double ElapsedSeconds)
{
    public static BufferReport From(string plant, BufferAllocationResult r, BufferAllocationOptions options) => new(
        plant,
        r.Line.Value,
        options.Budget,
        options.TargetThroughput,
        r.TargetReached,
        [.. r.Allocation.Select(a => new BufferCapacityRow(a.Buffer.Value, a.Capacity))],
        r.Best.Total,
        r.Best.Throughput,
        r.Best.HalfWidth,
        r.Best.Replications,
        r.Current.Capacities,
        r.Current.Throughput,
        r.Current.HalfWidth,
        r.Path,
        r.Stop,
        r.Evaluations,
        r.Replications,
        Math.Round(r.EvaluationsPerSecond, 2),
        Math.Round(r.Elapsed.TotalSeconds, 3));

    public void WriteText(IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"Buffer allocation of line {Line}"))
            .AddColumn("buffer").AddColumn(new TableColumn("current").RightAligned()).AddColumn(new TableColumn("best").RightAligned());
        for (int i = 0; i < Allocation.Count; i++)
        {
            table.AddRow(Markup.Escape(Allocation[i].Buffer), CurrentAllocation[i].ToString(CultureInfo.InvariantCulture), Allocation[i].Capacity.ToString(CultureInfo.InvariantCulture));
        }

        table.AddRow("total", CurrentAllocation.Sum().ToString(CultureInfo.InvariantCulture), Total.ToString(CultureInfo.InvariantCulture));
        table.AddRow(
            Markup.Escape("throughput [jobs/h]"),
            string.Create(CultureInfo.InvariantCulture, $"{CurrentThroughput:0.00} ± {CurrentHalfWidth:0.00}"),
            string.Create(CultureInfo.InvariantCulture, $"{Throughput:0.00} ± {HalfWidth:0.00}"));
        console.Write(table);
        if (TargetThroughput is { } t)
        {
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Target {t:0.##} jobs/h: {(TargetReached == true ? "reached" : "NOT reached")}.")));
        }

        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Stopped: {Stop}. {Evaluations} evaluations, {ReplicationsSimulated} replications, {Path.Count - 1} moves, {ElapsedSeconds:0.0} s ({EvaluationsPerSecond:0.#} evaluations/s).")));
    }
}

/// <summary>One buffer's capacity in a <see cref="BufferReport"/>.</summary>
internal sealed record BufferCapacityRow(string Buffer, int Capacity);
