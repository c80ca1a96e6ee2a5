namespace FactoryTwin.Analytics.Fitting;

/// <summary>A maximum-likelihood estimate with its 95 % Wald confidence interval from the observed Fisher information.</summary>
/// <param name="Name">The parameter's name (<c>mean</c>, <c>mu</c>, <c>sigma</c>, <c>shape</c>, <c>scale</c>).</param>
/// <param name="Estimate">The estimate (seconds for <c>mean</c> and <c>scale</c>; <c>mu</c> is ln seconds).</param>
/// <param name="Lower">The lower end of the 95 % interval.</param>
/// <param name="Upper">The upper end of the 95 % interval.</param>
/// <param name="StandardError">The asymptotic standard error of the estimate (delta method for parameters fitted on a log scale).</param>
public sealed record FittedParameter(string Name, double Estimate, double Lower, double Upper, double StandardError)
{
    /// <summary>Whether <paramref name="value"/> lies in the confidence interval.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when Lower ≤ value ≤ Upper.</returns>
    public bool Covers(double value) => value >= Lower && value <= Upper;
}
