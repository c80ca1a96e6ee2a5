using System.CommandLine;
using FactoryTwin.Cli.Output;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// What <c>factorytwin</c> with no verb does while the server is not part of this build: it shows the help and checks
/// the bundled automotive sample, so that the first command a new user runs proves the installation works.
/// </summary>
internal static class DefaultCommand
{
    public static async Task<int> RunAsync(RootCommand root, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var help = root.Parse("--help");
        await help.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
        var sample = Path.GetRelativePath(Environment.CurrentDirectory, SamplePaths.Plant("automotive.yaml"));
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"Checking the bundled sample plant ({sample}):");
        await stdout.WriteLineAsync();
        return ValidateCommand.Run(sample, OutputFormat.Text, stdout, stderr);
    }
}
