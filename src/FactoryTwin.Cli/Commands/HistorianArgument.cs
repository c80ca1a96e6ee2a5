using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using FactoryTwin.Historian;

namespace FactoryTwin.Cli.Commands;

/// <summary>The <c>--data</c>/<c>--postgres</c> historian options and the <c>--from</c>/<c>--to</c> range shared by <c>fit</c> and <c>backfill</c>.</summary>
internal static class HistorianArgument
{
    public static Option<string?> Data(string description) => new("--data") { Description = description };

    public static Option<string?> Postgres() => new("--postgres") { Description = "Use the PostgreSQL historian with this connection string instead of a DuckDB file." };

    public static Option<DateTimeOffset?> Instant(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (DateTimeOffset.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            {
                return t;
            }

            result.AddError($"'{token}' is not a date and time; use ISO 8601, e.g. 2026-11-02T06:00:00Z.");
            return null;
        },
    };

    /// <summary>The historian options for <paramref name="data"/> (a DuckDB file or the folder holding historian.duckdb) or <paramref name="postgres"/>.</summary>
    /// <returns>The options, or an error message.</returns>
    public static (HistorianOptions? Options, string? Error) Options(string? data, string? postgres, bool mustExist)
    {
        if ((data is null) == (postgres is null))
        {
            return (null, "error: give the historian with either --data <DuckDB file or folder> or --postgres <connection string>.");
        }

        if (postgres is not null)
        {
            return (new HistorianOptions { Provider = HistorianProvider.Postgres, ConnectionString = postgres }, null);
        }

        // A folder when it is one, or when it does not exist yet and has no extension (historian.duckdb goes in it).
        bool folder = Directory.Exists(data) || (!File.Exists(data) && !Path.HasExtension(data));
        var options = folder
            ? new HistorianOptions { DataFolder = data! }
            : new HistorianOptions { DataFolder = Path.GetDirectoryName(Path.GetFullPath(data!))!, FileName = Path.GetFileName(data!) };
        if (mustExist && !File.Exists(options.GetDatabasePath()))
        {
            return (null, $"error: no historian at '{options.GetDatabasePath()}'. Pass the DuckDB file (or its folder) the server writes, e.g. ./data/historian.duckdb.");
        }

        return (options, null);
    }
}
