using System.Collections.Immutable;
using FactoryTwin.Model.Distributions;

namespace FactoryTwin.Analytics.Fitting;

/// <summary>The maximum-likelihood fit of one family to a sample, with its goodness of fit.</summary>
/// <param name="Family">The family.</param>
/// <param name="Parameters">The estimates with their 95 % confidence intervals.</param>
/// <param name="LogLikelihood">The maximized log-likelihood (densities for complete, survival for censored observations).</param>
/// <param name="Aic">Akaike's information criterion, 2k − 2 ln L.</param>
/// <param name="Ks">The Kolmogorov–Smirnov distance between the Kaplan–Meier estimate of the CDF and the fitted CDF.</param>
/// <param name="KsCritical">The 5 % critical value of <paramref name="Ks"/> for a family with estimated parameters.</param>
/// <param name="Mean">The fitted mean, in seconds.</param>
/// <param name="Cv">The fitted coefficient of variation.</param>
public sealed record CandidateFit(
    DistributionFamily Family,
    ImmutableArray<FittedParameter> Parameters,
    double LogLikelihood,
    double Aic,
    double Ks,
    double KsCritical,
    double Mean,
    double Cv)
{
    /// <summary>Gets whether the Kolmogorov–Smirnov test rejects the family at the 5 % level.</summary>
    public bool Rejected => Ks > KsCritical;

    /// <summary>Gets a parameter by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The parameter.</returns>
    /// <exception cref="KeyNotFoundException">The family has no such parameter.</exception>
    public FittedParameter Parameter(string name) =>
        Parameters.FirstOrDefault(p => p.Name == name) ?? throw new KeyNotFoundException($"{Family} has no parameter '{name}'.");

    /// <summary>Gets the fitted CDF at <paramref name="t"/>.</summary>
    /// <param name="t">The duration in seconds.</param>
    /// <returns>F(t).</returns>
    public double Cdf(double t) => FamilyMath.Cdf(Family, [.. Parameters.Select(p => p.Estimate)], t);

    /// <summary>
    /// Gets the fit as a plant-file distribution, when the plant format has the family (exponential, lognormal);
    /// <see langword="null"/> for Weibull and gamma.
    /// </summary>
    /// <returns>The distribution, or <see langword="null"/>.</returns>
    public Distribution? ToPlantDistribution() => Family switch
    {
        DistributionFamily.Exponential => new ExponentialDistribution(Mean),
        DistributionFamily.LogNormal => new LogNormalDistribution(Mean, Cv),
        _ => null,
    };
}
