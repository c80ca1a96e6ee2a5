using System.CommandLine;
using System.Globalization;
using FactoryTwin.Cli.Output;
using FactoryTwin.Historian;
using FactoryTwin.VirtualPlant;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>factorytwin backfill &lt;plant.yaml&gt; (--data &lt;folder or file&gt; | --postgres &lt;connection&gt;) --duration 30d
/// [--origin t] [--seed 1] [--output text|json]</c>: fills a historian with a simulated history of the plant, as fast as possible.
/// </summary>
internal static class BackfillCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, TimeProvider? time = null)
    {
        var file = new Argument<string>("plant") { Description = "The plant file (YAML, apiVersion factorytwin/v1) to simulate." };
        var data = HistorianArgument.Data("The historian to write: a DuckDB file, or a folder for historian.duckdb (created when missing).");
        var postgres = HistorianArgument.Postgres();
        var duration = EmulateOptions.Duration("--duration", "How much history to simulate, with a unit (8h, 30 d).");
        duration.Required = true;
        var origin = HistorianArgument.Instant("--origin", "The instant the history starts (ISO 8601); default: --duration before now, so it ends now.");
        var seed = SimulateOptions.Seed();
        var output = OutputOption.Create();
        var command = new Command(
            "backfill",
            "Simulate the plant as fast as possible and write what its gateways would have published (states, counts, levels, body events) "
            + "into a historian, stamped from --origin: a history whose true distributions are those of the plant file. Exit code 0 ok, 1 invalid plant or the historian in use by another process (a running server), 2 usage.")
        {
            file, data, postgres, duration, origin, seed, output,
        };
        command.SetAction(async (r, ct) => await RunAsync(
            r.GetRequiredValue(file), r.GetValue(data), r.GetValue(postgres), r.GetValue(duration) ?? 0, r.GetValue(origin), r.GetValue(seed), r.GetValue(output), time ?? TimeProvider.System, stdout, stderr, ct));
        return command;
    }

    public static async Task<int> RunAsync(string path, string? data, string? postgres, double seconds, DateTimeOffset? origin, ulong seed, OutputFormat format, TimeProvider time, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (PlantFileInput.TryLoad(path, "backfill", format == OutputFormat.Json ? stderr : stdout, stderr, out var plant) is { } code)
        {
            return code;
        }

        var (options, error) = HistorianArgument.Options(data, postgres, mustExist: false);
        if (options is null)
        {
            await stderr.WriteLineAsync(error);
            return ExitCodes.Usage;
        }

        if (options.Provider == HistorianProvider.DuckDb)
        {
            Directory.CreateDirectory(options.DataFolder);
        }

        var duration = TimeSpan.FromSeconds(seconds);
        var start = origin ?? time.GetUtcNow() - duration;
        try
        {
            await using var historian = HistorianFactory.Create(options, time);
            var progress = new DayProgress(seconds, stderr);
            var summary = await SimulatedHistory.WriteAsync(plant!, historian, start, duration, seed, progress, cancellationToken);
            if (format == OutputFormat.Json)
            {
                JsonOutput.Write(stdout, summary);
            }
            else
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {summary.Points} points and {summary.PartEvents} body events ({summary.Bodies} bodies) from {summary.Since:O} to {summary.Until:O}."));
            }
        }
        catch (HistorianInUseException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message);
            return ExitCodes.Invalid;
        }

        return ExitCodes.Ok;
    }

    /// <summary>Writes a progress line per simulated day, on the simulating thread.</summary>
    private sealed class DayProgress(double total, TextWriter stderr) : IProgress<double>
    {
        private long _lastDay = -1;

        public void Report(double value)
        {
            long day = (long)(value / 86_400);
            if (day != _lastDay)
            {
                _lastDay = day;
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"simulated {value / 86_400:0.0} of {total / 86_400:0.0} days"));
            }
        }
    }
}
