using System.Globalization;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Twin.Hosting;

/// <summary>Checks <see cref="TwinOptions"/> at start-up, naming the option and the rule.</summary>
internal sealed class TwinOptionsValidator : IValidateOptions<TwinOptions>
{
    public ValidateOptionsResult Validate(string? name, TwinOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Check(TwinOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataFolder))
        {
            errors.Add("Twin:DataFolder must not be empty.");
        }

        if (options.Storage == TwinStorageProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add("Twin:ConnectionString is required when Twin:Storage is Postgres.");
        }

        if (!Enum.IsDefined(options.Storage))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Twin:Storage must be Embedded or Postgres, not {(int)options.Storage}."));
        }

        Positive(errors, "PersistInterval", options.PersistInterval);
        Positive(errors, "EvaluationInterval", options.EvaluationInterval);
        Positive(errors, "ChangeInterval", options.ChangeInterval);
        Positive(errors, "MaxShelveDuration", options.MaxShelveDuration);
        Positive(errors, "ForecastInterval", options.ForecastInterval);
        if (options.ForecastReplications is < 1 or > 100_000)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Twin:ForecastReplications must be in 1..100000, not {options.ForecastReplications}."));
        }
        return errors;
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Twin:{name} must be positive, not {value}."));
        }
    }
}
