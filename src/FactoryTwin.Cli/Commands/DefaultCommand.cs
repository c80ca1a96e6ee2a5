namespace FactoryTwin.Cli.Commands;

/// <summary>What <c>factorytwin</c> with no verb does: serve the whole twin with the default settings (see <see cref="ServeCommand"/>).</summary>
internal static class DefaultCommand
{
    public static Task<int> RunAsync(TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        ServeCommand.RunAsync([], stdout, stderr, cancellationToken);
}
