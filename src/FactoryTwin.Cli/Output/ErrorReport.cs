namespace FactoryTwin.Cli.Output;

/// <summary>
/// What <c>--output json</c> prints on standard output when a verb fails without a result of its own: a usage error,
/// a missing file, a plant that cannot be loaded. The human-readable message still goes to standard error.
/// </summary>
/// <param name="Error">The error message, without the <c>error: </c> prefix.</param>
/// <param name="ExitCode">The process exit code: 1 invalid input or failed work, 2 usage (see <see cref="ExitCodes"/>).</param>
/// <param name="Errors">Every message when there were several (the first is <paramref name="Error"/>); otherwise left out.</param>
internal sealed record ErrorReport(string Error, int ExitCode, IReadOnlyList<string>? Errors = null);
