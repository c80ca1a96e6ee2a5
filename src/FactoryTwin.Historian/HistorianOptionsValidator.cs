using Microsoft.Extensions.Options;

namespace FactoryTwin.Historian;

/// <summary>
/// Checks <see cref="HistorianOptions"/> at start-up, so a bad configuration fails before the first append: the data
/// annotations on the options and their <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> rules
/// (source-generated).
/// </summary>
[OptionsValidator]
internal sealed partial class HistorianOptionsValidator : IValidateOptions<HistorianOptions>
{
    /// <summary>Throws <see cref="ArgumentException"/> listing every problem of <paramref name="options"/>.</summary>
    public static void ThrowIfInvalid(HistorianOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new HistorianOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException("Invalid historian options: " + string.Join("; ", result.Failures), nameof(options));
        }
    }
}
