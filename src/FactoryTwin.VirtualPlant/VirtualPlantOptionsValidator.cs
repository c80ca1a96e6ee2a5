using Microsoft.Extensions.Options;

namespace FactoryTwin.VirtualPlant;

/// <summary>
/// Checks <see cref="VirtualPlantOptions"/> at start-up; each failure names the option and what is allowed: the data
/// annotations on the options and their <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> rules
/// (source-generated).
/// </summary>
[OptionsValidator]
internal sealed partial class VirtualPlantOptionsValidator : IValidateOptions<VirtualPlantOptions>
{
    /// <summary>Returns every problem of <paramref name="options"/>, empty when they are valid.</summary>
    public static List<string> Check(VirtualPlantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new VirtualPlantOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures ?? []] : [];
    }
}
