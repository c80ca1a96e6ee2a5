using System.Globalization;
using Spectre.Console;

namespace FactoryTwin.Cli.Commands;

/// <summary>Shows the progress of replications: a Spectre progress bar on a terminal, about ten plain lines otherwise.</summary>
internal static class ReplicationProgress
{
    /// <summary>Runs <paramref name="run"/> with a progress reporter.</summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="task">The progress bar's label, e.g. "simulating".</param>
    /// <param name="verb">The prefix of the plain lines, e.g. "simulate".</param>
    /// <param name="replications">The number of replications (the bar's maximum).</param>
    /// <param name="stderr">Where progress goes.</param>
    /// <param name="run">The work; it reports the number of replications done, from any thread.</param>
    /// <returns>What <paramref name="run"/> returns.</returns>
    public static T Run<T>(string task, string verb, int replications, TextWriter stderr, Func<IProgress<int>, T> run)
    {
        var interactive = Output.Consoles.IsErrorTerminal(stderr);
        if (interactive)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            if (console.Profile.Capabilities.Interactive)
            {
                T result = default!;
                console.Progress().Start(ctx =>
                {
                    var bar = ctx.AddTask(task, maxValue: replications);
                    result = run(new ProgressLines(v => bar.Value = v));
                    bar.Value = replications;
                });
                return result;
            }
        }

        // Redirected (CI logs, tests): a Spectre progress bar would print nothing, so write plain lines, about ten.
        int step = Math.Max(1, replications / 10);
        var gate = new Lock();
        var progress = new ProgressLines(done =>
        {
            if (done % step == 0 || done == replications)
            {
                lock (gate)
                {
                    stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{verb}: {done}/{replications} replications"));
                }
            }
        });
        return run(progress);
    }
}
