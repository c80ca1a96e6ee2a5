namespace FactoryTwin.Cli.Tests;

/// <summary>Runs the command line in process and captures what it prints.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", "plants", name);
}
