using System.CommandLine;
using System.Globalization;
using System.Text;
using FactoryTwin.Analytics.Sequencing;
using FactoryTwin.Cli.Output;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Server.Mes;
using Spectre.Console;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>factorytwin mes sequence &lt;bodies-file&gt; | --schedule &lt;file.xml&gt; | --active [--plant p] [--data-folder d] [--takt s] [--csplib] [--max-batch N] [--ratio name=p/q …] [--soft …] [--hard …]
/// [--time-limit s] [--workers N] [--write out.csv] [--output text|json]</c>: the paint-shop sequence of a day's bodies
/// (docs/sequencing.md). The bodies come from a CSV or CSPLib file, a B2MML schedule file or the data folder's active
/// schedule (MesSequence.Schedule.cs).
/// </summary>
internal static partial class MesSequence
{
    private static readonly string[] RuleNames = ["batch", "due", "options"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string?>("bodies-file") { Description = "The bodies: CSV with columns id,colour[,options][,due] in first-come-first-served order, or a CSPLib 001 car-sequencing instance with --csplib. Omit it with --schedule or --active.", Arity = ArgumentArity.ZeroOrOne };
        var schedule = new Option<string?>("--schedule") { Description = "Sequence the orders of this B2MML OperationsSchedule (checked as 'mes import' checks it, against --plant) instead of a bodies file." };
        var active = new Option<bool>("--active") { Description = "Sequence the active schedule of --data-folder (the one 'mes import' or POST /api/v1/mes/schedule made active)." };
        var plant = MesCommand.PlantOption();
        var data = MesCommand.DataOption();
        var takt = new Option<double?>("--takt") { Description = "Seconds per body on the paint line, to turn due times into due positions (schedules only). Default: the paint line's shift length / its shift target in the plant." };
        var csplib = new Option<bool>("--csplib") { Description = "The file is a CSPLib problem 001 instance (cars options classes / p's / q's / one line per class); its ratios are hard." };
        var maxBatch = new Option<int?>("--max-batch") { Description = "The most bodies of one colour in a row before the guns are cleaned." };
        var ratios = new Option<string[]>("--ratio") { Description = "An option's capacity: name=p/q (at most p bodies with the option in any q in a row); repeat for each option.", AllowMultipleArgumentsPerToken = true };
        var soft = new Option<string[]>("--soft") { Description = "Rules that may be broken at a cost: batch, due, options, or an option's name (comma-separated). Batch and options are hard by default.", AllowMultipleArgumentsPerToken = true };
        var hard = new Option<string[]>("--hard") { Description = "Rules that must hold: batch, due, options, or an option's name. Due is soft by default.", AllowMultipleArgumentsPerToken = true };
        var colourWeight = new Option<int>("--colour-weight") { Description = "The cost of one colour change (purge).", DefaultValueFactory = _ => SequencingRules.DefaultColourChangeWeight };
        var batchWeight = new Option<int>("--batch-weight") { Description = "The cost of each body beyond the batch limit when it is soft.", DefaultValueFactory = _ => SequencingRules.DefaultBatchWeight };
        var optionWeight = new Option<int>("--option-weight") { Description = "The cost of each body over p in a window when an option's ratio is soft.", DefaultValueFactory = _ => 1 };
        var dueWeight = new Option<int>("--due-weight") { Description = "The cost of a body not painted by a due point it should have met, when dues are soft.", DefaultValueFactory = _ => SequencingRules.DefaultDueWeight };
        var timeLimit = new Option<double>("--time-limit") { Description = "The search's time limit in seconds.", DefaultValueFactory = _ => SequencingOptions.DefaultTimeLimit.TotalSeconds };
        var workers = new Option<int>("--workers") { Description = "CP-SAT worker threads.", DefaultValueFactory = _ => SequencingOptions.DefaultWorkers };
        var seed = new Option<int>("--seed") { Description = "The solver's random seed.", DefaultValueFactory = _ => 0 };
        var write = new Option<string?>("--write") { Description = "Also write the sequence as CSV (position,id,colour,options,due) to this file." };
        var output = OutputOption.Create();
        foreach (var weight in new[] { colourWeight, batchWeight, optionWeight, dueWeight })
        {
            weight.Validators.Add(r =>
            {
                if (OptionValue.TryGet<int>(r, out var w) && w < 0)
                {
                    r.AddError($"{r.Option.Name} must not be negative.");
                }
            });
        }

        maxBatch.Validators.Add(r =>
        {
            if (OptionValue.TryGet<int?>(r, out var m) && m is < 1)
            {
                r.AddError("--max-batch must be at least 1.");
            }
        });
        takt.Validators.Add(r =>
        {
            if (OptionValue.TryGet<double?>(r, out var t) && t is { } seconds && !(seconds >= ScheduleSequencing.MinTaktSeconds && seconds <= ScheduleSequencing.MaxTaktSeconds))
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--takt must be {ScheduleSequencing.MinTaktSeconds} to {ScheduleSequencing.MaxTaktSeconds} seconds."));
            }
        });
        timeLimit.Validators.Add(r =>
        {
            if (OptionValue.TryGet<double>(r, out var t) && (!(t > 0) || t > 3600))
            {
                r.AddError("--time-limit must be more than 0 and at most 3600 seconds.");
            }
        });
        workers.Validators.Add(r =>
        {
            if (OptionValue.TryGet<int>(r, out var w) && (w < 1 || w > 64))
            {
                r.AddError("--workers must be 1 to 64.");
            }
        });
        ratios.Validators.Add(r =>
        {
            foreach (var text in r.GetValueOrDefault<string[]>() ?? [])
            {
                if (ParseRatio(text) is null)
                {
                    r.AddError($"--ratio '{text}' is not name=p/q with 0 <= p <= q and q >= 1 (e.g. sunroof=1/3).");
                }
            }
        });
        var command = new Command("sequence", "Sequence a day's bodies (a bodies file, a B2MML schedule with --schedule, or the data folder's active schedule with --active) through the paint shop with CP-SAT: fewest colour changes, colour batches within the gun-cleaning limit, option ratios p/q and due positions, each hard or soft; compared with first come, first served. Exit code 0 a sequence keeping every hard rule, 1 invalid input or no such sequence found, 2 usage.")
        {
            file, schedule, active, plant, data, takt, csplib, maxBatch, ratios, soft, hard, colourWeight, batchWeight, optionWeight, dueWeight, timeLimit, workers, seed, write, output,
        };
        command.SetAction((r, ct) => Task.FromResult(Run(
            new Request(
                r.GetValue(file), r.GetValue(csplib), r.GetValue(maxBatch), r.GetValue(ratios) ?? [], Split(r.GetValue(soft)), Split(r.GetValue(hard)),
                r.GetValue(colourWeight), r.GetValue(batchWeight), r.GetValue(optionWeight), r.GetValue(dueWeight), r.GetValue(timeLimit), r.GetValue(workers), r.GetValue(seed), r.GetValue(write))
            {
                Schedule = r.GetValue(schedule), Active = r.GetValue(active), Plant = r.GetValue(plant)!, DataFolder = r.GetValue(data)!, Takt = r.GetValue(takt),
            },
            r.GetValue(output), stdout, stderr, ct)));
        return command;
    }

    internal sealed record Request(
        string? File, bool CspLib, int? MaxBatch, string[] Ratios, string[] Soft, string[] Hard, int ColourWeight, int BatchWeight, int OptionWeight, int DueWeight,
        double TimeLimit, int Workers, int Seed, string? Write)
    {
        /// <summary>Gets the B2MML schedule file to sequence instead of <see cref="File"/>.</summary>
        public string? Schedule { get; init; }

        /// <summary>Gets whether to sequence the active schedule of <see cref="DataFolder"/>.</summary>
        public bool Active { get; init; }

        /// <summary>Gets the plant file a schedule is checked against.</summary>
        public string Plant { get; init; } = "samples/plants/automotive.yaml";

        /// <summary>Gets the data folder of <see cref="Active"/>.</summary>
        public string DataFolder { get; init; } = "./data";

        /// <summary>Gets the paint line's seconds per body, or <see langword="null"/> for the plant's.</summary>
        public double? Takt { get; init; }
    }

    public static int Run(Request request, OutputFormat format, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var sources = (request.File is null ? 0 : 1) + (request.Schedule is null ? 0 : 1) + (request.Active ? 1 : 0);
        if (sources != 1)
        {
            stderr.WriteLine("error: give exactly one of a bodies file, --schedule <file.xml> or --active.");
            return ExitCodes.Usage;
        }

        if (request.CspLib && request.File is null)
        {
            stderr.WriteLine("error: --csplib describes a bodies file; a schedule is B2MML.");
            return ExitCodes.Usage;
        }

        var failed = request.File is null
            ? ReadSchedule(request, format, stdout, stderr, out var input)
            : ReadBodies(request, format, stdout, stderr, out input);
        if (failed is { } code)
        {
            return code;
        }

        var (source, bodies, ratios, scheduled) = input!;
        foreach (var text in request.Ratios)
        {
            var ratio = ParseRatio(text)!;
            ratios.RemoveAll(r => string.Equals(r.Option, ratio.Option, StringComparison.Ordinal));
            ratios.Add(ratio);
        }

        foreach (var name in request.Soft.Concat(request.Hard))
        {
            if (!RuleNames.Contains(name, StringComparer.Ordinal) && !ratios.Exists(r => string.Equals(r.Option, name, StringComparison.Ordinal)))
            {
                stderr.WriteLine($"error: '{name}' in --soft/--hard is not batch, due, options or the name of an option with a ratio ({string.Join(", ", ratios.Select(r => r.Option))}).");
                return ExitCodes.Usage;
            }
        }

        ConstraintMode Mode(string name, ConstraintMode fallback) =>
            request.Hard.Contains(name, StringComparer.Ordinal) ? ConstraintMode.Hard : request.Soft.Contains(name, StringComparer.Ordinal) ? ConstraintMode.Soft : fallback;

        var optionsMode = Mode("options", ConstraintMode.Hard);
        var rules = new SequencingRules
        {
            ColourChangeWeight = request.ColourWeight,
            MaxBatchLength = request.MaxBatch,
            BatchMode = Mode("batch", ConstraintMode.Hard),
            BatchWeight = request.BatchWeight,
            DueMode = Mode("due", ConstraintMode.Soft),
            DueWeight = request.DueWeight,
            Options = [.. ratios.Select(r => r with { Mode = Mode(r.Option, optionsMode), Weight = request.OptionWeight })],
        };
        var problem = new SequencingProblem(bodies, rules);
        var errors = problem.Validate();
        if (errors.Count > 0)
        {
            foreach (var e in errors)
            {
                stderr.WriteLine($"error: {source}: {e}");
            }

            return ExitCodes.Invalid;
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sequencing {bodies.Count} bodies (time limit {request.TimeLimit:0.##} s, {request.Workers} workers)…"));
        var progress = new SequencingProgressLines(stderr);
        var result = PaintSequencer.Sequence(
            problem,
            new SequencingOptions { TimeLimit = TimeSpan.FromSeconds(request.TimeLimit), Workers = request.Workers, Seed = request.Seed },
            progress,
            cancellationToken);
        if (request.Write is not null)
        {
            File.WriteAllText(request.Write, ToCsv(result.Sequence));
        }

        var ok = result.Status is SequencingStatus.Optimal or SequencingStatus.Feasible;
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(stdout, new MesSequenceReport(
                source, scheduled is not null ? "b2mml" : request.CspLib ? "csplib" : "bodies", result.Status, result.Message, result.Objective, result.BestBound, Math.Round(result.Gap, 6),
                Math.Round(result.Elapsed.TotalSeconds, 3), result.Classes, result.Windows, result.Evaluation, result.Baseline, result.Heuristic,
                [.. result.Sequence.Select((b, i) => new MesSequenceRow(i + 1, b.Id, b.Colour, b.Options, b.DuePosition))],
                scheduled));
            return ok ? ExitCodes.Ok : ExitCodes.Invalid;
        }

        if (!ok)
        {
            stderr.WriteLine($"error: {result.Message}");
        }

        if (scheduled is not null)
        {
            PrintSchedule(scheduled, stdout);
        }

        Print(result, rules, stdout, request.Write);
        return ok ? ExitCodes.Ok : ExitCodes.Invalid;
    }

    /// <summary>The bodies, rules and provenance a run sequences.</summary>
    private sealed record Input(string Source, IReadOnlyList<SequencingBody> Bodies, List<OptionRatio> Ratios, MesSequenceSchedule? Schedule);

    private static int? ReadBodies(Request request, OutputFormat format, TextWriter stdout, TextWriter stderr, out Input? input)
    {
        input = null;
        var path = request.File!;
        if (!File.Exists(path))
        {
            stderr.WriteLine($"error: bodies file '{path}' does not exist. Pass a CSV of bodies (id,colour,options,due) or a CSPLib instance with --csplib.");
            return ExitCodes.Usage;
        }

        if (request.CspLib)
        {
            var read = CspLibReader.ReadFile(path);
            if (!read.Success)
            {
                return Invalid(path, read.Diagnostics, format, stdout, stderr);
            }

            var instance = read.Instance!.ToProblem();
            input = new Input(path, instance.Bodies, [.. instance.Rules.Options], null);
        }
        else
        {
            var read = BodyListReader.ReadFile(path);
            if (!read.Success)
            {
                return Invalid(path, read.Diagnostics, format, stdout, stderr);
            }

            input = new Input(path, read.Bodies!, [], null);
        }

        return null;
    }

    private static void Print(SequencingResult result, SequencingRules rules, TextWriter stdout, string? written)
    {
        var console = Consoles.For(stdout);
        var table = new Table().Border(TableBorder.Rounded).Title("paint sequence against first come, first served")
            .AddColumn("").AddColumn(new TableColumn("FCFS").RightAligned()).AddColumn(new TableColumn("greedy").RightAligned()).AddColumn(new TableColumn("CP-SAT").RightAligned());
        void Row(string name, Func<SequenceEvaluation, long> value) =>
            table.AddRow(Markup.Escape(name), I(value(result.Baseline)), I(value(result.Heuristic)), I(value(result.Evaluation)));
        Row("colour changes", e => e.ColourChanges);
        Row("longest batch", e => e.LongestBatch);
        if (rules.MaxBatchLength is { } limit)
        {
            Row($"bodies over batch limit {limit} ({Mode(rules.BatchMode)})", e => e.BatchViolations);
        }

        for (var o = 0; o < rules.Options.Count; o++)
        {
            var index = o;
            var rule = rules.Options[o];
            Row(string.Create(CultureInfo.InvariantCulture, $"{rule.Option} {rule.P}/{rule.Q} violations ({Mode(rule.Mode)})"), e => e.Options[index].Violations);
        }

        if (result.Sequence.Any(b => b.DuePosition is not null))
        {
            Row($"late bodies ({Mode(rules.DueMode)})", e => e.LateBodies);
            Row("tardiness (positions)", e => e.Tardiness);
        }

        Row("hard-rule violations", e => e.HardViolations);
        Row("objective", e => e.Cost);
        console.Write(table);
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.Status}: objective {result.Objective}, bound {result.BestBound}, gap {result.Gap:P1}; {result.Classes} classes, {result.Windows} CP-SAT model(s), {result.Elapsed.TotalSeconds:0.0} s. {result.Message}")));
        var shown = Math.Min(30, result.Sequence.Count);
        var line = new StringBuilder();
        for (var i = 0; i < shown; i++)
        {
            line.Append(CultureInfo.InvariantCulture, $"{i + 1}:{result.Sequence[i].Id}({result.Sequence[i].Colour}) ");
        }

        console.MarkupLine(Markup.Escape(shown == result.Sequence.Count
            ? $"Sequence: {line.ToString().TrimEnd()}"
            : string.Create(CultureInfo.InvariantCulture, $"Sequence (first {shown} of {result.Sequence.Count}; all with --write or --output json): {line.ToString().TrimEnd()}")));
        if (written is not null)
        {
            console.MarkupLine(Markup.Escape($"Wrote the sequence to {written}."));
        }
    }

    private static string Mode(ConstraintMode mode) => mode == ConstraintMode.Hard ? "hard" : "soft";

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Invalid(string path, IReadOnlyList<Diagnostic> diagnostics, OutputFormat format, TextWriter stdout, TextWriter stderr)
    {
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(stdout, new OvenInvalidReport(path, false, [.. diagnostics.Select(DiagnosticDto.From)]));
        }
        else
        {
            foreach (var d in diagnostics)
            {
                stderr.WriteLine(d.ToString());
            }

            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} error(s); nothing was sequenced."));
        }

        return ExitCodes.Invalid;
    }

    internal static string ToCsv(IReadOnlyList<SequencingBody> sequence)
    {
        var text = new StringBuilder("position,id,colour,options,due\n");
        for (var i = 0; i < sequence.Count; i++)
        {
            var b = sequence[i];
            text.Append(CultureInfo.InvariantCulture, $"{i + 1},{b.Id},{b.Colour},{string.Join('+', b.Options)},{b.DuePosition}\n");
        }

        return text.ToString();
    }

    internal static OptionRatio? ParseRatio(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (eq < 1 || slash < eq)
        {
            return null;
        }

        var name = text[..eq].Trim();
        if (!int.TryParse(text.AsSpan(eq + 1, slash - eq - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var p)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var q)
            || q < 1 || p > q || name.Length == 0)
        {
            return null;
        }

        return new OptionRatio(name, p, q);
    }

    private static string[] Split(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>Prints each better sequence as one line on standard error.</summary>
    private sealed class SequencingProgressLines(TextWriter stderr) : IProgress<SequencingProgress>
    {
        private readonly Lock _gate = new();

        public void Report(SequencingProgress value)
        {
            lock (_gate)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {value.Elapsed.TotalSeconds,6:0.0} s  objective {value.Objective}  bound {value.BestBound}"));
            }
        }
    }
}
