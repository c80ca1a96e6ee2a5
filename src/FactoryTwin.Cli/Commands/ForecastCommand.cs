using System.CommandLine;
using System.Globalization;
using FactoryTwin.Analytics.Forecasting;
using FactoryTwin.Cli.Output;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Loading;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Simulation.Engine;
using Spectre.Console;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>factorytwin forecast &lt;plant.yaml&gt; [--at 10:00] [--replications 1000] [--seed 1] [--target N]
/// [--output text|json] [--plot out.png]</c>: simulates the plant from an empty Monday 06:00 to the given time on
/// Tuesday, takes a snapshot there and forecasts the rest of the shift from it (the offline use of the live
/// forecast), then lets the simulated plant finish the shift to show what it actually made.
/// </summary>
internal static class ForecastCommand
{
    /// <summary>The simulated plant uses its own random streams, apart from the forecast's replications 0…n−1.</summary>
    private const int PlantReplication = int.MaxValue;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("plant") { Description = "The plant file (YAML, apiVersion factorytwin/v1)." };
        var at = new Option<TimeOnly>("--at")
        {
            Description = "Time of day of the snapshot (HH:mm, site time), on Tuesday after a day of simulated production.",
            DefaultValueFactory = _ => new TimeOnly(10, 0),
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "10:00";
                if (TimeOnly.TryParseExact(token, ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                {
                    return time;
                }

                result.AddError($"--at: '{token}' is not a time of day; write HH:mm, e.g. 10:00 or 18:30.");
                return new TimeOnly(10, 0);
            },
        };
        var replications = new Option<int>("--replications", "-n")
        {
            Description = "Monte Carlo replications of the rest of the shift (at least 1).",
            DefaultValueFactory = _ => ShiftForecastOptions.DefaultReplications,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "1000";
                if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 1)
                {
                    result.AddError($"--replications must be a whole number of at least 1, not '{token}'.");
                    return 1;
                }

                return n;
            },
        };
        var seed = SimulateOptions.Seed();
        var target = new Option<int?>("--target")
        {
            Description = "The plant's shift target in good jobs (default: the sum of the shiftTarget of the lines that end in a sink).",
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 0)
                {
                    result.AddError($"--target must be a whole number of at least 0, not '{token}'.");
                    return null;
                }

                return n;
            },
        };
        var output = OutputOption.Create();
        var plot = new Option<string?>("--plot") { Description = "Write a PNG fan chart of the cumulative shift output (median and 90 % band per line and for the plant) to this file." };
        var command = new Command(
            "forecast",
            "Forecast the rest of the shift from a snapshot of the simulated plant: expected end-of-shift output with a 90 % prediction interval, "
            + "the probability of meeting the target and the likely bottleneck, per line and for the plant. Exit code 0 ok, 1 invalid plant, 2 usage.")
        {
            file,
            at,
            replications,
            seed,
            target,
            output,
            plot,
        };
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            new ForecastRequest(
                parseResult.GetRequiredValue(file),
                parseResult.GetValue(at),
                parseResult.GetValue(replications),
                parseResult.GetValue(seed),
                parseResult.GetValue(target),
                parseResult.GetValue(output) == OutputFormat.Json,
                parseResult.GetValue(plot)),
            stdout,
            stderr,
            cancellationToken)));
        return command;
    }

    public static int Run(ForecastRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PlantFileInput.TryLoad(request.Path, "forecast", request.Json ? stderr : stdout, stderr, out var plantModel) is { } failed)
        {
            return failed;
        }

        PlantSimulation simulation;
        try
        {
            simulation = PlantSimulationBuilder.Build(plantModel!, new PlantSimulationOptions { StartDay = DayOfWeek.Monday, StartTime = new TimeOnly(6, 0) });
        }
        catch (InvalidOperationException ex)
        {
            stderr.WriteLine($"error: the plant cannot be simulated: {ex.Message}");
            return ExitCodes.Invalid;
        }

        // The stand-in for the live plant: one simulated run from an empty Monday 06:00 to the snapshot on Tuesday.
                double snapshotTime = 86_400 + (request.At.ToTimeSpan().TotalSeconds - (6 * 3600));
        var snapshotInstant = simulation.InstantOf(snapshotTime, ReferenceWeek);
        (DateTimeOffset Start, DateTimeOffset End) shift;
        try
        {
            shift = simulation.ShiftAround(snapshotInstant);
        }
        catch (InvalidOperationException ex)
        {
            stderr.WriteLine($"error: {ex.Message} A forecast runs to the end of the shift.");
            return ExitCodes.Invalid;
        }

        if (shift.Start > snapshotInstant)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: --at {request.At:HH\\:mm} lies between shifts; the next shift starts at {shift.Start:HH\\:mm}. Pick a time within a shift."));
            return ExitCodes.Usage;
        }

        double shiftStart = snapshotTime - (snapshotInstant - shift.Start).TotalSeconds;
        double shiftEnd = snapshotTime + (shift.End - snapshotInstant).TotalSeconds;
        var plant = new LineSimulation(simulation.Model, new SimulationOptions { Seed = request.Seed, EndTime = shiftEnd }, PlantReplication);
        plant.RunUntil(Math.Max(shiftStart, 0));
        var atShiftStart = plant.GetResult();
        plant.RunUntil(snapshotTime);
        var snapshot = simulation.CaptureSnapshot(plant, snapshotInstant, atShiftStart);

        var options = new ShiftForecastOptions { Replications = request.Replications, Seed = request.Seed, PlantTarget = request.Target };
        var forecaster = new ShiftForecaster(simulation);
        var forecast = RunWithProgress(forecaster, snapshot, options, stderr, cancellationToken);

        plant.RunUntil(shiftEnd);
        var actual = ForecastReport.Actual(simulation, plant.GetResult(), atShiftStart);

        if (request.Json)
        {
            JsonOutput.Write(stdout, ForecastReport.Json(request, simulation, forecast, actual));
        }
        else
        {
            ForecastReport.WriteText(Consoles.For(stdout), request, simulation, forecast, actual);
        }

        if (request.PlotPath is { } plotPath)
        {
            stderr.WriteLine($"wrote {ForecastPlot.Write(plotPath, simulation, forecast)}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>Gets a fixed week (1 June 2026 is a Monday), so that the output does not depend on today's date.</summary>
    private static DateOnly ReferenceWeek { get; } = new(2026, 6, 1);

    private static ShiftForecast RunWithProgress(ShiftForecaster forecaster, PlantSnapshot snapshot, ShiftForecastOptions options, TextWriter stderr, CancellationToken cancellationToken) =>
        ReplicationProgress.Run("forecasting", "forecast", options.Replications, stderr, progress => forecaster.Forecast(snapshot, options, progress, cancellationToken));
}
