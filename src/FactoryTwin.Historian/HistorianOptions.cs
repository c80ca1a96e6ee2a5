using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace FactoryTwin.Historian;

/// <summary>Configuration of the historian (section <c>Historian</c>).</summary>
public sealed class HistorianOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Historian";

    /// <summary>The default data folder.</summary>
    public const string DefaultDataFolder = "./data";

    /// <summary>The default DuckDB file name.</summary>
    public const string DefaultFileName = "historian.duckdb";

    /// <summary>The default number of days raw points are kept.</summary>
    public const int DefaultRawRetentionDays = 30;

    /// <summary>The default number of days roll-ups and part events are kept.</summary>
    public const int DefaultRollupRetentionDays = 730;

    /// <summary>The default width of the windows that compaction sorts by series, in minutes.</summary>
    public const int DefaultCompactionWindowMinutes = 60;

    /// <summary>The default age, in minutes, a compaction window must reach before it is compacted.</summary>
    public const int DefaultCompactionDelayMinutes = 10;

    /// <summary>The default period of the background maintenance, in minutes.</summary>
    public const int DefaultMaintenanceIntervalMinutes = 5;

    /// <summary>The default time acknowledged batches gather in the DuckDB commit journal before one DuckDB transaction writes them.</summary>
    public static readonly TimeSpan DefaultCommitInterval = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the storage engine.</summary>
    /// <value>The default value is <see cref="HistorianProvider.DuckDb"/>.</value>
    [EnumDataType(typeof(HistorianProvider), ErrorMessage = "Historian:Provider is not one of duckdb, postgres.")]
    public HistorianProvider Provider { get; set; } = HistorianProvider.DuckDb;

    /// <summary>Gets or sets the folder that holds the DuckDB file (created when missing).</summary>
    /// <value>The default value is <c>./data</c>.</value>
    public string DataFolder { get; set; } = DefaultDataFolder;

    /// <summary>Gets or sets the DuckDB file name inside <see cref="DataFolder"/>.</summary>
    /// <value>The default value is <c>historian.duckdb</c>.</value>
    public string FileName { get; set; } = DefaultFileName;

    /// <summary>Gets or sets the Npgsql connection string; required for <see cref="HistorianProvider.Postgres"/>. Never logged.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets how many days raw points are kept before they are rolled up and dropped; at least 1.</summary>
    /// <value>The default value is 30.</value>
    public int RawRetentionDays { get; set; } = DefaultRawRetentionDays;

    /// <summary>Gets or sets how many days 1-minute roll-ups and part events are kept; at least <see cref="RawRetentionDays"/>.</summary>
    /// <value>The default value is 730.</value>
    public int RollupRetentionDays { get; set; } = DefaultRollupRetentionDays;

    /// <summary>
    /// Gets or sets the width, in minutes, of the time windows that DuckDB compaction rewrites sorted by series: longer
    /// runs of one series compress better (see the README). Between 1 and 1440, and a divisor of 1440.
    /// </summary>
    /// <value>The default value is 60.</value>
    public int CompactionWindowMinutes { get; set; } = DefaultCompactionWindowMinutes;

    /// <summary>Gets or sets how many minutes after its end a window waits before compaction, so late points still land in it; 0 or more.</summary>
    /// <value>The default value is 10.</value>
    public int CompactionDelayMinutes { get; set; } = DefaultCompactionDelayMinutes;

    /// <summary>Gets or sets the period, in minutes, of the background maintenance registered by <c>AddHistorian</c>; 0 turns it off.</summary>
    /// <value>The default value is 5.</value>
    public int MaintenanceIntervalMinutes { get; set; } = DefaultMaintenanceIntervalMinutes;

    /// <summary>
    /// Gets or sets, for DuckDB, how long appended batches gather in the commit journal (<c>historian.duckdb.journal</c>,
    /// flushed to disk before each append returns) before one DuckDB transaction writes them all: a DuckDB transaction
    /// costs milliseconds of CPU, a journal record microseconds. Every read, maintenance run and clean stop writes the
    /// journal's batches first, so reads see every appended point. Zero writes each batch in its own DuckDB transaction.
    /// Between 0 and 60 s.
    /// </summary>
    /// <value>The default value is 1 s.</value>
    public TimeSpan CommitInterval { get; set; } = DefaultCommitInterval;

    /// <summary>Gets the full path of the DuckDB file.</summary>
    /// <returns>The path.</returns>
    public string GetDatabasePath() => Path.GetFullPath(Path.Combine(DataFolder, FileName));

    /// <summary>
    /// Checks the rules that join several options, and the numeric ranges: the options validation generator's own copy of
    /// <see cref="RangeAttribute"/> ignores <see cref="ValidationAttribute.ErrorMessage"/> (dotnet/runtime#123137), and
    /// every message must name the configuration key. <see cref="RequiredAttribute"/> and <see cref="EnumDataTypeAttribute"/>
    /// keep their messages and stay annotations.
    /// </summary>
    /// <param name="validationContext">The context.</param>
    /// <returns>One result per broken rule, naming the configuration key.</returns>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (Provider == HistorianProvider.DuckDb)
        {
            if (string.IsNullOrWhiteSpace(DataFolder))
            {
                yield return new ValidationResult("Historian:DataFolder must not be empty.");
            }

            if (string.IsNullOrWhiteSpace(FileName) || FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                yield return new ValidationResult("Historian:FileName must be a plain file name.");
            }
        }

        if (Provider == HistorianProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Historian:ConnectionString is required when Provider is postgres.");
        }

        if (RawRetentionDays < 1)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Historian:RawRetentionDays must be at least 1 (was {RawRetentionDays})."));
        }

        if (RollupRetentionDays < RawRetentionDays)
        {
            yield return new ValidationResult(
                string.Create(CultureInfo.InvariantCulture, $"Historian:RollupRetentionDays ({RollupRetentionDays}) must be at least RawRetentionDays ({RawRetentionDays})."));
        }

        if (CompactionWindowMinutes < 1 || CompactionWindowMinutes > 1440 || 1440 % CompactionWindowMinutes != 0)
        {
            yield return new ValidationResult(
                string.Create(CultureInfo.InvariantCulture, $"Historian:CompactionWindowMinutes must divide 1440 (was {CompactionWindowMinutes})."));
        }

        if (CompactionDelayMinutes < 0)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Historian:CompactionDelayMinutes must not be negative (was {CompactionDelayMinutes})."));
        }

        if (CommitInterval < TimeSpan.Zero || CommitInterval > TimeSpan.FromSeconds(60))
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Historian:CommitInterval must be between 0 and 00:01:00 (was {CommitInterval})."));
        }

        if (MaintenanceIntervalMinutes < 0)
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"Historian:MaintenanceIntervalMinutes must not be negative (was {MaintenanceIntervalMinutes})."));
        }
    }
}
