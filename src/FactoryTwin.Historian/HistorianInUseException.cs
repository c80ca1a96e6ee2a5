using System.Globalization;
using System.Text.RegularExpressions;

namespace FactoryTwin.Historian;

/// <summary>
/// The embedded historian's DuckDB file is open in another process: DuckDB lets one process use a file at a time, so a
/// command that reads the file a running server writes must wait for the server to stop (or read through its API).
/// </summary>
public sealed partial class HistorianInUseException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The historian file.</param>
    /// <param name="holder">The program that holds the file, as the operating system names it, if known.</param>
    /// <param name="holderProcessId">Its process id, if known.</param>
    /// <param name="innerException">DuckDB's error.</param>
    public HistorianInUseException(string path, string? holder, int? holderProcessId, Exception? innerException)
        : base(Describe(path, holder, holderProcessId), innerException)
    {
        Path = path;
        Holder = holder;
        HolderProcessId = holderProcessId;
    }

    /// <summary>Gets the historian file.</summary>
    public string Path { get; }

    /// <summary>Gets the program that holds the file, if known.</summary>
    public string? Holder { get; }

    /// <summary>Gets the process id of the program that holds the file, if known.</summary>
    public int? HolderProcessId { get; }

    /// <summary>Reads DuckDB's "Could not set lock on file" error; anything else is not this exception.</summary>
    /// <param name="path">The file that was being opened.</param>
    /// <param name="error">The error DuckDB raised.</param>
    /// <returns>The exception, or <see langword="null"/> when <paramref name="error"/> is not a lock conflict.</returns>
    internal static HistorianInUseException? FromDuckDb(string path, Exception error)
    {
        if (!error.Message.Contains("Could not set lock", StringComparison.Ordinal))
        {
            return null;
        }

        var match = HolderPattern().Match(error.Message);
        return match.Success
            ? new HistorianInUseException(path, match.Groups["program"].Value, int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture), error)
            : new HistorianInUseException(path, null, null, error);
    }

    private static string Describe(string path, string? holder, int? processId)
    {
        var who = processId is { } pid
            ? string.Create(CultureInfo.InvariantCulture, $"process {pid} ({holder})")
            : "another process";
        return $"The historian {path} is in use by {who}, most likely a running FactoryTwin server: DuckDB lets one process "
            + "use the file at a time. Stop that server first (Ctrl+C, or SIGTERM), or ask it through its REST API; a cluster's PostgreSQL historian has no such limit.";
    }

    [GeneratedRegex(@"Conflicting lock is held in (?<program>.+?) \(PID (?<pid>\d+)\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HolderPattern();
}
