using Microsoft.Extensions.Hosting;

namespace FactoryTwin.Telemetry.IngestHost;

/// <summary>
/// Stops the host gracefully when stdin reaches its end: the crash test closes the pipe to end the host cleanly (the
/// historian is disposed and closes its file), and a host whose test process died does not outlive it.
/// </summary>
public sealed class StopWhenStdinCloses(IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A blocking read on its own thread: reads of the console stream do not observe cancellation.
        await Task.Run(
            static () =>
            {
                using var stdin = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (stdin.Read(buffer) > 0)
                {
                }
            },
            CancellationToken.None).WaitAsync(stoppingToken);
        lifetime.StopApplication();
    }
}
