using Microsoft.Extensions.Options;

namespace FactoryTwin.Telemetry;

/// <summary>
/// Checks <see cref="TelemetryOptions"/> at start-up so that bad configuration fails early: the data annotations on the
/// options and their <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> rules (source-generated).
/// </summary>
[OptionsValidator]
internal sealed partial class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
}
