using System.CommandLine;
using System.Globalization;
using FactoryTwin.Analytics.WhatIf;
using FactoryTwin.Cli.Output;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Simulation.Engine;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>factorytwin whatif &lt;plant.yaml&gt; &lt;scenario.yaml&gt;… [--replications 200] [--seed 1] [--warmup 1h]
/// [--duration 8h] [--at HH:mm] [--output text|json]</c>: runs each scenario against the baseline with common random
/// numbers and prints every KPI's paired difference with its interval, one column per scenario.
/// </summary>
internal static class WhatIfCommand
{
    /// <summary>The simulated stand-in for the live plant uses its own streams, apart from the replications 0…n−1.</summary>
    private const int PlantReplication = int.MaxValue;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var plant = new Argument<string>("plant") { Description = "The plant file (YAML, apiVersion factorytwin/v1): the baseline." };
        var scenarios = new Argument<string[]>("scenarios")
        {
            Description = "One or more what-if scenario files (YAML, kind: WhatIf), usually next to the plant file.",
            Arity = ArgumentArity.OneOrMore,
        };
        var replications = new Option<int>("--replications", "-n")
        {
            Description = "Replications per scenario and of the baseline (at least 2); replication i of each uses the same random numbers.",
            DefaultValueFactory = _ => WhatIfOptions.DefaultReplications,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "200";
                if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 2)
                {
                    result.AddError($"--replications must be a whole number of at least 2, not '{token}'.");
                    return 2;
                }

                return n;
            },
        };
        var seed = SimulateOptions.Seed();
        var warmup = SimulateOptions.Duration("--warmup", "1h", "Warm-up from the empty plant at the first shift start of the week, with a unit (0 s for none). Not used with --at.", allowZero: true);
        var duration = SimulateOptions.Duration("--duration", "8h", "Statistics window after the warm-up, with a unit: 8h, 480 min. Not used with --at (the run ends at the shift end).", allowZero: false);
        var at = new Option<TimeOnly?>("--at")
        {
            Description = "Start every scenario from a snapshot of the simulated plant at this time of day on Tuesday (HH:mm, site time) and run to the shift end: the offline stand-in for the live twin's snapshot.",
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (TimeOnly.TryParseExact(token, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                {
                    return time;
                }

                result.AddError($"--at: '{token}' is not a time of day; write HH:mm, e.g. 10:00.");
                return null;
            },
        };
        var output = OutputOption.Create();
        var command = new Command(
            "whatif",
            "Compare what-if scenarios (changes to buffers, processing times, failures, servers, shifts, product mix, release rate, ovens) against the plant "
            + "with common random numbers: each KPI's paired difference with its 95 % interval and whether it is significant, one column per scenario. "
            + "Exit code 0 ok, 1 invalid plant or scenario, 2 usage.")
        {
            plant,
            scenarios,
            replications,
            seed,
            warmup,
            duration,
            at,
            output,
        };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            new WhatIfRequest(
                parseResult.GetRequiredValue(plant),
                parseResult.GetRequiredValue(scenarios),
                parseResult.GetValue(replications),
                parseResult.GetValue(seed),
                parseResult.GetValue(warmup),
                parseResult.GetValue(duration),
                parseResult.GetValue(at),
                parseResult.GetValue(output) == OutputFormat.Json),
            stdout,
            stderr,
            cancellationToken)));
        return command;
    }

    public static int Run(WhatIfRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = request.Json ? stderr : stdout;
        if (PlantFileInput.TryLoad(request.PlantPath, "whatif", diagnostics, stderr, out var plantModel) is { } failed)
        {
            return failed;
        }

        var loaded = new List<WhatIfScenario>();
        foreach (var path in request.ScenarioPaths)
        {
            if (!File.Exists(path))
            {
                stderr.WriteLine($"error: scenario file '{path}' does not exist. Pass the path of a what-if scenario YAML file (kind: WhatIf).");
                return ExitCodes.Usage;
            }

            var result = WhatIfScenarioLoader.LoadFile(path, plantModel!);
            foreach (var d in result.Diagnostics)
            {
                diagnostics.WriteLine(d.ToString());
            }

            if (!result.Success)
            {
                int errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: {path} is invalid: {errors} error(s). Fix them and run whatif again."));
                return ExitCodes.Invalid;
            }

            loaded.Add(result.Scenario!);
        }

        var options = new WhatIfOptions
        {
            Replications = request.Replications,
            Seed = request.Seed,
            WarmUp = request.WarmUp,
            Duration = request.Duration,
        };
        string baseline = string.Create(CultureInfo.InvariantCulture, $"from the empty plant, {request.WarmUp / 3600:0.##} h warm-up and {request.Duration / 3600:0.##} h of statistics");
        if (request.At is { } time)
        {
            if (Snapshot(plantModel!, time, request.Seed, stderr, out var snapshot) is { } code)
            {
                return code;
            }

            options = options with { Start = snapshot };
            baseline = string.Create(CultureInfo.InvariantCulture, $"from a snapshot of the simulated plant on Tuesday {time:HH\\:mm} to the shift end");
        }

        WhatIfResult comparison;
        try
        {
            int total = (loaded.Count + 1) * request.Replications;
            comparison = ReplicationProgress.Run("what-if", "whatif", total, stderr, progress => WhatIfRunner.Run(plantModel!, loaded, options, progress, cancellationToken));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            stderr.WriteLine($"error: the what-if cannot run: {OptimizeCommand.CleanMessage(ex)}");
            return ExitCodes.Invalid;
        }

        var report = WhatIfReport.From(request.PlantPath, request.ScenarioPaths, comparison, baseline);
        if (request.Json)
        {
            JsonOutput.Write(stdout, report);
        }
        else
        {
            report.WriteText(Consoles.For(stdout));
        }

        return ExitCodes.Ok;
    }

    /// <summary>Simulates the plant from an empty Monday 06:00 to <paramref name="time"/> on Tuesday and captures it, as the forecast verb does.</summary>
    private static int? Snapshot(PlantModel plant, TimeOnly time, ulong seed, TextWriter stderr, out PlantSnapshot? snapshot)
    {
        snapshot = null;
        PlantSimulation simulation;
        try
        {
            simulation = PlantSimulationBuilder.Build(plant, new PlantSimulationOptions { StartDay = DayOfWeek.Monday, StartTime = new TimeOnly(6, 0) });
        }
        catch (InvalidOperationException ex)
        {
            stderr.WriteLine($"error: the plant cannot be simulated: {ex.Message}");
            return ExitCodes.Invalid;
        }

        double snapshotTime = 86_400 + (time.ToTimeSpan().TotalSeconds - (6 * 3600));
        var instant = simulation.InstantOf(snapshotTime, new DateOnly(2026, 6, 1));
        (DateTimeOffset Start, DateTimeOffset End) shift;
        try
        {
            shift = simulation.ShiftAround(instant);
        }
        catch (InvalidOperationException ex)
        {
            stderr.WriteLine($"error: {ex.Message} A what-if from a snapshot runs to the end of the shift.");
            return ExitCodes.Invalid;
        }

        if (shift.Start > instant)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: --at {time:HH\\:mm} lies between shifts; the next shift starts at {shift.Start:HH\\:mm}. Pick a time within a shift."));
            return ExitCodes.Usage;
        }

        double shiftStart = snapshotTime - (instant - shift.Start).TotalSeconds;
        var run = new LineSimulation(simulation.Model, new SimulationOptions { Seed = seed, EndTime = snapshotTime + 1 }, PlantReplication);
        run.RunUntil(Math.Max(shiftStart, 0));
        var atShiftStart = run.GetResult();
        run.RunUntil(snapshotTime);
        snapshot = simulation.CaptureSnapshot(run, instant, atShiftStart);
        return null;
    }
}
