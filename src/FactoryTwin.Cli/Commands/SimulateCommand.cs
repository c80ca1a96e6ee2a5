using System.CommandLine;
using System.Globalization;
using FactoryTwin.Cli.Output;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Loading;
using FactoryTwin.Plant.Simulation;
using Spectre.Console;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>factorytwin simulate &lt;plant.yaml&gt; [--duration 8h] [--replications 100] [--seed 1] [--warmup 1h]
/// [--output text|json|csv] [--plot out.png]</c>: runs replications of the whole plant and prints KPIs with
/// 95 % intervals.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("plant") { Description = "The plant file (YAML, apiVersion factorytwin/v1)." };
        var duration = SimulateOptions.Duration("--duration", "8h", "Length of the statistics window after the warm-up, with a unit: 8h, 480 min, 7 d.", allowZero: false);
        var warmup = SimulateOptions.Duration("--warmup", "1h", "Warm-up from the empty plant before statistics start, with a unit (0 s for none).", allowZero: true);
        var replications = SimulateOptions.Replications();
        var seed = SimulateOptions.Seed();
        var output = SimulateOptions.Output();
        var plot = new Option<string?>("--plot") { Description = "Write PNG charts: hourly throughput per line to this file and the station state breakdown to <name>-states.png beside it." };
        var command = new Command(
            "simulate",
            "Simulate the whole plant (all lines, cross-line flow, shifts from the first shift of the week) and print throughput, output, lead time, WIP, "
            + "OEE and state fractions per station with 95 % intervals, and the bottleneck. Exit code 0 ok, 1 invalid plant, 2 usage.")
        {
            file,
            duration,
            replications,
            seed,
            warmup,
            output,
            plot,
        };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            new SimulateRequest(
                parseResult.GetRequiredValue(file),
                parseResult.GetValue(duration),
                parseResult.GetValue(warmup),
                parseResult.GetValue(replications),
                parseResult.GetValue(seed),
                parseResult.GetValue(output),
                parseResult.GetValue(plot)),
            stdout,
            stderr,
            cancellationToken)));
        return command;
    }

    public static int Run(SimulateRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PlantFileInput.TryLoad(request.Path, "simulate", request.Format == SimulateFormat.Text ? stdout : stderr, stderr, out var plant) is { } failed)
        {
            return failed;
        }

        PlantSimulation simulation;
        try
        {
            simulation = PlantSimulationBuilder.Build(plant!);
        }
        catch (InvalidOperationException ex)
        {
            stderr.WriteLine($"error: the plant cannot be simulated: {ex.Message}");
            return ExitCodes.Invalid;
        }

        var options = new PlantRunOptions
        {
            Seed = request.Seed,
            WarmUp = request.WarmUp,
            Duration = request.Duration,
            Replications = request.Replications,
            SeriesInterval = request.PlotPath is null ? 0 : Math.Min(3600, request.Duration),
            SeriesReplications = Math.Min(10, request.Replications),
        };
        var result = RunWithProgress(simulation, options, stderr, cancellationToken);

        switch (request.Format)
        {
            case SimulateFormat.Json:
                JsonOutput.Write(stdout, SimulationReport.Json(request, simulation, result));
                break;
            case SimulateFormat.Csv:
                SimulationReport.WriteCsv(stdout, simulation, result);
                break;
            default:
                SimulationReport.WriteText(Consoles.For(stdout), request, simulation, result);
                break;
        }

        if (request.PlotPath is { } plotPath)
        {
            var (throughput, states) = SimulationPlots.Write(plotPath, simulation, result);
            stderr.WriteLine($"wrote {throughput} and {states}");
        }

        return ExitCodes.Ok;
    }

    private static PlantSimulationResult RunWithProgress(PlantSimulation simulation, PlantRunOptions options, TextWriter stderr, CancellationToken cancellationToken) =>
        ReplicationProgress.Run("simulating", "simulate", options.Replications, stderr, progress => simulation.Run(options, progress, cancellationToken));
}
