using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>The outcome of a calibration: the fit, or the diagnostics that prevented it.</summary>
/// <param name="Calibration">The fit; <see langword="null"/> when the input was refused.</param>
/// <param name="Diagnostics">The problems, each with source, line and column.</param>
public sealed record OvenCalibrationResult(OvenCalibration? Calibration, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Gets a value indicating whether the fit was made.</summary>
    public bool Success => Calibration is not null;
}
