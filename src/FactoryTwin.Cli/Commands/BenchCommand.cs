using System.CommandLine;
using System.Globalization;
using FactoryTwin.Cli.Output;

namespace FactoryTwin.Cli.Commands;

/// <summary><c>factorytwin bench des [--hours 8] [--replications 200] [--rounds 5] [--output text|json]</c>: engine speed next to a baseline.</summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var hours = new Option<double>("--hours")
        {
            Description = "Simulated hours per replication.",
            DefaultValueFactory = _ => 8,
            Validators = { r => { if (OptionValue.TryGet<double>(r, out var h) && !(h > 0)) { r.AddError("--hours must be positive."); } } },
        };
        var replications = new Option<int>("--replications", "-n")
        {
            Description = "Replications per measurement round (one thread).",
            DefaultValueFactory = _ => 200,
            Validators = { r => { if (OptionValue.TryGet<int>(r, out var n) && n < 1) { r.AddError("--replications must be at least 1."); } } },
        };
        var rounds = new Option<int>("--rounds")
        {
            Description = "Interleaved rounds of engine and baseline; the median round of each is reported.",
            DefaultValueFactory = _ => 5,
            Validators = { r => { if (OptionValue.TryGet<int>(r, out var n) && n < 1) { r.AddError("--rounds must be at least 1."); } } },
        };
        var output = OutputOption.Create();
        var des = new Command(
            "des",
            "Timed events per second of the discrete-event engine on one core for the standard 10-station line with failures "
            + "(lognormal 60 s cv 0.25, buffers of 5, failures exponential 3600 s / 300 s), and the ratio to a priority-queue hold baseline measured in the same run.")
        {
            hours,
            replications,
            rounds,
            output,
        };
        des.SetAction((parseResult, cancellationToken) =>
        {
            var result = DesBenchmark.Run(parseResult.GetValue(hours), parseResult.GetValue(replications), parseResult.GetValue(rounds), cancellationToken);
            Write(stdout, result, parseResult.GetValue(output));
            return Task.FromResult(ExitCodes.Ok);
        });
        return new Command("bench", "Measure the speed of the engines on this machine, as ratios to a baseline measured in the same run.")
        {
            des,
            BenchThermal.Create(stdout, stderr),
        };
    }

    private static void Write(TextWriter stdout, DesBenchmarkResult r, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(stdout, new
            {
                benchmark = "des",
                line = "10 stations in series, lognormal(60 s, cv 0.25), buffers 5, failures exp(3600 s)/exp(300 s) on operating time, saturated source",
                hours = r.Hours,
                replications = r.Replications,
                rounds = r.Rounds,
                events = r.Events,
                seconds = r.Seconds,
                eventsPerSecond = r.EventsPerSecond,
                allocatedBytesPerEvent = r.AllocatedBytesPerEvent,
                baseline = new
                {
                    name = "PriorityQueue<int,double> hold model, 24 pending events",
                    operations = r.BaselineOperations,
                    seconds = r.BaselineSeconds,
                    operationsPerSecond = r.BaselineOperationsPerSecond,
                },
                ratio = r.Ratio,
                handWritten = new
                {
                    name = "the same line simulated by hand: one PriorityQueue, the same draws, parts out only",
                    seconds = r.HandWrittenSeconds,
                    ratio = r.HandWrittenRatio,
                },
                processorCount = Environment.ProcessorCount,
                runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            });
            return;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DES engine, 10-station line with failures, {r.Replications} × {r.Hours:0.##} h on one thread (median of {r.Rounds} rounds):"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  engine    {r.EventsPerSecond / 1e6,8:F2} M events/s   ({r.Events:N0} events in {r.Seconds:F3} s, {r.AllocatedBytesPerEvent:F3} B/event)"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  baseline  {r.BaselineOperationsPerSecond / 1e6,8:F2} M ops/s      (PriorityQueue hold model, 24 pending events)"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio     {r.Ratio,8:F3}  engine events per baseline hold operation"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  by hand   {r.HandWrittenRatio,8:F3}  engine time (all statistics) per time of the same line simulated by hand ({r.HandWrittenSeconds:F3} s; goal ≤ 1.4)"));
    }
}
