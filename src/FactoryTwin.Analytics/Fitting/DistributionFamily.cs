namespace FactoryTwin.Analytics.Fitting;

/// <summary>A family of distributions of a positive duration that <see cref="DistributionFitter"/> fits.</summary>
public enum DistributionFamily
{
    /// <summary>Exponential with parameter <c>mean</c> (constant hazard).</summary>
    Exponential,

    /// <summary>Lognormal with parameters <c>mu</c> and <c>sigma</c> of ln t.</summary>
    LogNormal,

    /// <summary>Weibull with parameters <c>shape</c> k and <c>scale</c> λ: F(t) = 1 − exp(−(t/λ)^k).</summary>
    Weibull,

    /// <summary>Gamma with parameters <c>shape</c> k and <c>scale</c> θ: mean kθ.</summary>
    Gamma,
}
