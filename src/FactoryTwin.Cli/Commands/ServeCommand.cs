using System.CommandLine;
using FactoryTwin.Server;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>factorytwin serve [--Section:Key=value ...]</c>, also what <c>factorytwin</c> with no verb does: runs the whole twin
/// (Orleans silo, embedded MQTT broker, virtual plant, historian, HTTPS API and dashboard) until Ctrl-C or SIGTERM.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command(
            "serve",
            "Run the digital twin: Orleans silo, embedded MQTT broker (1883, TLS 8883), virtual plant on the automotive sample, DuckDB historian under ./data "
            + "and the dashboard and REST API over HTTPS. The default verb. Settings are standard .NET configuration: appsettings.json, environment "
            + "variables (Server__Port=8443) or arguments (--Server:Port=8443); see docs/configuration.md. Stops cleanly on Ctrl-C or SIGTERM.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parseResult, cancellationToken) => await RunAsync([.. parseResult.UnmatchedTokens], stdout, stderr, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string[] settings, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        foreach (var setting in settings)
        {
            if (!setting.StartsWith("--", StringComparison.Ordinal) || !setting.Contains(':', StringComparison.Ordinal) && !setting.Contains('=', StringComparison.Ordinal))
            {
                await stderr.WriteLineAsync($"error: '{setting}' is not a setting; write settings as --Section:Key=value, e.g. --Server:Port=8443.");
                return ExitCodes.Usage;
            }
        }

        try
        {
            await FactoryTwinServer.RunAsync(settings, stdout, cancellationToken);
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException or IOException)
        {
            await stderr.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.Invalid;
        }
    }
}
