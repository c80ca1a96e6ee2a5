namespace FactoryTwin.Cli;

/// <summary>The <c>factorytwin</c> executable.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code: 0 success, 1 the input is invalid or the work failed, 2 usage error.</returns>
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, Console.Out, Console.Error);
}
