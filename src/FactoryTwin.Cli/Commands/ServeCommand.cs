using System.CommandLine;
using FactoryTwin.Server;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>factorytwin serve [--Section:Key=value ...]</c>, also what <c>factorytwin</c> with no verb or with settings alone
/// (<c>factorytwin --Server:Port=8443</c>, see <see cref="CliArguments.WithDefaultVerb"/>) does: runs the whole twin
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
            + "variables (Server__Port=8443) or arguments (--Server:Port=8443 or --Server:Port 8443; without a verb too); see docs/configuration.md. "
            + "Stops cleanly on Ctrl-C or SIGTERM.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parseResult, cancellationToken) => await RunAsync([.. parseResult.UnmatchedTokens], stdout, stderr, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string[] settings, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (Check(settings) is { } problem)
        {
            await stderr.WriteLineAsync("error: " + problem);
            return ExitCodes.Usage;
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
            // Kestrel's "Failed to bind to address …: address already in use." says what, not what to do.
            var hint = ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException
                ? " Stop the program that uses it (another FactoryTwin?), or choose another port with --Server:Port=…."
                : string.Empty;
            await stderr.WriteLineAsync("error: " + ex.Message + hint);
            return ExitCodes.Invalid;
        }
    }

    /// <summary>
    /// Checks that the arguments are settings in the command-line syntax of .NET configuration: <c>--Key=value</c> or
    /// <c>--Key value</c>, where a key of a section is <c>Section:Key</c>.
    /// </summary>
    /// <param name="settings">The arguments after the verb.</param>
    /// <returns><see langword="null"/> when they are; otherwise what is wrong, for the usage error.</returns>
    internal static string? Check(IReadOnlyList<string> settings)
    {
        const string Syntax = "write settings as --Section:Key=value or --Section:Key value, e.g. --Server:Port=8443";
        for (var i = 0; i < settings.Count; i++)
        {
            var setting = settings[i];
            if (!setting.StartsWith("--", StringComparison.Ordinal) || setting.Length < 3 || setting[2] == '=')
            {
                return $"'{setting}' is not a setting; {Syntax}.";
            }

            if (setting.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            // --Section:Key value: the next argument is the value.
            if (i + 1 >= settings.Count || settings[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return $"the setting '{setting}' has no value; {Syntax}.";
            }

            i++;
        }

        return null;
    }
}
