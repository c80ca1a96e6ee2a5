using Spectre.Console;

namespace FactoryTwin.Cli.Output;

/// <summary>Creates Spectre consoles over the writers a verb is given, so that output is testable.</summary>
internal static class Consoles
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var isTerminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            // Redirected output goes to logs and files: do not wrap lines at 80 columns.
            console.Profile.Width = 200;
        }

        return console;
    }

    /// <summary>
    /// Whether <paramref name="stderr"/> is the process's standard error on a terminal (also behind a
    /// <see cref="RecordingWriter"/>), where progress is drawn in place rather than written as plain lines.
    /// </summary>
    /// <param name="stderr">The verb's error writer.</param>
    /// <returns><see langword="true"/> on a terminal.</returns>
    public static bool IsErrorTerminal(TextWriter stderr) =>
        ReferenceEquals(RecordingWriter.Unwrap(stderr), Console.Error) && !Console.IsErrorRedirected;
}
