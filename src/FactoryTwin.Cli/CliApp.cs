using System.CommandLine;
using FactoryTwin.Cli.Commands;
using FactoryTwin.Cli.Output;

namespace FactoryTwin.Cli;

/// <summary>
/// Builds the command tree and runs it, mapping parse errors to exit code 2. Arguments that start with a setting
/// (<c>--Section:Key=value</c>) run <c>serve</c>. With <c>--output json</c>, standard output carries one JSON document
/// also when the verb fails without a result of its own (<see cref="ErrorReport"/>).
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        args = CliArguments.WithDefaultVerb(args);
        if (!CliArguments.AsksForJson(args))
        {
            return await RunVerbAsync(args, stdout, stderr, cancellationToken);
        }

        // The verb's messages still go to standard error as they are written; what they said makes the JSON error
        // when the verb printed no document of its own (a verb that fails with a result, such as an invalid plant
        // in validate, prints that result).
        var recordedOut = new RecordingWriter(stdout);
        var recordedErr = new RecordingWriter(stderr);
        var code = await RunVerbAsync(args, recordedOut, recordedErr, cancellationToken);
        if (code != ExitCodes.Ok && !recordedOut.HasWritten)
        {
            var errors = recordedErr.Errors;
            var error = errors.Count > 0 ? errors[0] : recordedErr.LastLine ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the command failed with exit code {code}.");
            JsonOutput.Write(stdout, new ErrorReport(error, code, errors.Count > 1 ? errors : null));
        }

        return code;
    }

    private static async Task<int> RunVerbAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var root = Build(stdout, stderr);
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}");
            }

            await stderr.WriteLineAsync("Run 'factorytwin --help' to see the verbs and their options.");
            return ExitCodes.Usage;
        }

        // Ctrl-C / SIGTERM cancel the verb; serve then needs up to 30 s to stop cleanly (System.CommandLine's default is 2 s).
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
        return await result.InvokeAsync(config, cancellationToken);
    }

    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "FactoryTwin: a digital twin of a manufacturing plant. It mirrors the live plant from MQTT telemetry, simulates the flow of parts, "
            + "computes the heat through every body in the paint ovens, and predicts the shift.");
        root.Subcommands.Add(ServeCommand.Create(stdout, stderr));
        root.Subcommands.Add(ValidateCommand.Create(stdout, stderr));
        root.Subcommands.Add(ThermalCommand.Create(stdout, stderr));
        root.Subcommands.Add(SimulateCommand.Create(stdout, stderr));
        root.Subcommands.Add(ForecastCommand.Create(stdout, stderr));
        root.Subcommands.Add(BenchCommand.Create(stdout, stderr));
        root.Subcommands.Add(OvenCommand.Create(stdout, stderr));
        root.Subcommands.Add(EmulateCommand.Create(stdout, stderr));
        root.Subcommands.Add(MesCommand.Create(stdout, stderr));
        root.Subcommands.Add(WhatIfCommand.Create(stdout, stderr));
        root.Subcommands.Add(OptimizeCommand.Create(stdout, stderr));
        root.Subcommands.Add(FitCommand.Create(stdout, stderr));
        root.Subcommands.Add(BackfillCommand.Create(stdout, stderr));
        root.SetAction(async (parseResult, cancellationToken) => await DefaultCommand.RunAsync(stdout, stderr, cancellationToken));
        return root;
    }
}
