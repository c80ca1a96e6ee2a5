using Microsoft.Extensions.Options;

namespace FactoryTwin.Twin.Hosting;

/// <summary>
/// Checks <see cref="TwinOptions"/> at start-up, naming the option and the rule: the data annotations on the options and
/// their <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> rules (source-generated).
/// </summary>
[OptionsValidator]
internal sealed partial class TwinOptionsValidator : IValidateOptions<TwinOptions>
{
    /// <summary>Returns every problem of <paramref name="options"/>, empty when they are valid.</summary>
    public static List<string> Check(TwinOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new TwinOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures ?? []] : [];
    }
}
