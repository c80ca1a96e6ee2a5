using Microsoft.Extensions.Options;

namespace FactoryTwin.Historian;

/// <summary>Checks <see cref="HistorianOptions"/> at start-up, so a bad configuration fails before the first append.</summary>
internal sealed class HistorianOptionsValidator : IValidateOptions<HistorianOptions>
{
    public ValidateOptionsResult Validate(string? name, HistorianOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem of <paramref name="options"/>.</summary>
    public static void ThrowIfInvalid(HistorianOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Collect(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid historian options: " + string.Join("; ", failures), nameof(options));
        }
    }

    private static List<string> Collect(HistorianOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"Historian:Provider '{options.Provider}' is not one of duckdb, postgres.");
        }

        if (options.Provider == HistorianProvider.DuckDb)
        {
            if (string.IsNullOrWhiteSpace(options.DataFolder))
            {
                failures.Add("Historian:DataFolder must not be empty.");
            }

            if (string.IsNullOrWhiteSpace(options.FileName) || options.FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                failures.Add("Historian:FileName must be a plain file name.");
            }
        }

        if (options.Provider == HistorianProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Historian:ConnectionString is required when Provider is postgres.");
        }

        if (options.RawRetentionDays < 1)
        {
            failures.Add($"Historian:RawRetentionDays must be at least 1 (was {options.RawRetentionDays}).");
        }

        if (options.RollupRetentionDays < options.RawRetentionDays)
        {
            failures.Add($"Historian:RollupRetentionDays ({options.RollupRetentionDays}) must be at least RawRetentionDays ({options.RawRetentionDays}).");
        }

        if (options.CompactionWindowMinutes < 1 || options.CompactionWindowMinutes > 1440 || 1440 % options.CompactionWindowMinutes != 0)
        {
            failures.Add($"Historian:CompactionWindowMinutes must divide 1440 (was {options.CompactionWindowMinutes}).");
        }

        if (options.CompactionDelayMinutes < 0)
        {
            failures.Add($"Historian:CompactionDelayMinutes must not be negative (was {options.CompactionDelayMinutes}).");
        }

        if (options.MaintenanceIntervalMinutes < 0)
        {
            failures.Add($"Historian:MaintenanceIntervalMinutes must not be negative (was {options.MaintenanceIntervalMinutes}).");
        }

        return failures;
    }
}
