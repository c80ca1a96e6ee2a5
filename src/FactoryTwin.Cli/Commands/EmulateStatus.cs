using System.Globalization;
using FactoryTwin.VirtualPlant;

namespace FactoryTwin.Cli.Commands;

/// <summary>The live status line of <c>emulate</c>: rewritten in place on a terminal, a plain line every 10 s otherwise.</summary>
internal static class EmulateStatus
{
    public static async Task FollowAsync(VirtualPlantEmulator emulator, Task run, TextWriter stderr)
    {
        bool terminal = Output.Consoles.IsErrorTerminal(stderr);
        var every = terminal ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10);
        long lastPublished = 0;
        long last = TimeProvider.System.GetTimestamp();
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(every, TimeProvider.System));
            if (run.IsCompleted)
            {
                break;
            }

            var status = emulator.Status;
            double seconds = TimeProvider.System.GetElapsedTime(last).TotalSeconds;
            last = TimeProvider.System.GetTimestamp();
            double rate = seconds > 0 ? (status.Published - lastPublished) / seconds : 0;
            lastPublished = status.Published;
            var line = Line(status, rate);
            if (terminal)
            {
                await stderr.WriteAsync("\r" + line.PadRight(Math.Max(Console.WindowWidth - 1, line.Length)));
            }
            else
            {
                await stderr.WriteLineAsync(line);
            }
        }

        if (terminal)
        {
            await stderr.WriteLineAsync();
        }
    }

    public static string Line(VirtualPlantStatus status, double messagesPerSecond)
    {
        var gateways = string.Join(", ", status.Gateways.Select(g => g.Gateway.Value + " " + g.Connection.ToString().ToLowerInvariant()));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"emulate: sim {status.SimulatedTime:ddd HH:mm:ss} (+{TimeSpan.FromSeconds(Math.Floor(status.SimulatedSeconds)):c}) | {messagesPerSecond:F0} msg/s | published {status.Published}, buffered {status.Buffered}, dropped {status.Dropped} | {gateways}");
    }
}
