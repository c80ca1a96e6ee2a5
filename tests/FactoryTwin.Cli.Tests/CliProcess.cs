using System.Diagnostics;

namespace FactoryTwin.Cli.Tests;

/// <summary>Runs a program as its own process, captures what it prints, and kills it if it outlives a limit.</summary>
internal static class CliProcess
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="args"/> (in <paramref name="workingDirectory"/> if given).</summary>
    /// <param name="limit">The longest the process may run; then it is killed with its children and the test fails.</param>
    /// <param name="workingDirectory">The working directory, or <see langword="null"/> for the test's own.</param>
    /// <param name="args">The arguments of <c>dotnet</c>.</param>
    /// <returns>The exit code, standard output and standard error.</returns>
    public static async Task<(int ExitCode, string Out, string Err)> RunDotnetAsync(TimeSpan limit, string? workingDirectory, params IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var ct = TestContext.Current.CancellationToken;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
