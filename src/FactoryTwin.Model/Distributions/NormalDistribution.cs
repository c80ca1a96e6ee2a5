namespace FactoryTwin.Model.Distributions;

/// <summary>
/// Normal with the given mean and standard deviation, truncated at 0 (negative draws are rejected), because a duration
/// cannot be negative. <see cref="Mean"/> and <see cref="Variance"/> are those of the truncated distribution.
/// </summary>
/// <param name="Mu">The mean of the untruncated normal (SI).</param>
/// <param name="Sigma">The standard deviation of the untruncated normal (SI).</param>
public sealed record NormalDistribution(double Mu, double Sigma) : Distribution
{
    /// <inheritdoc />
    public override string Name => "normal";

    /// <inheritdoc />
    public override double Mean
    {
        get
        {
            if (Sigma == 0)
            {
                return Mu;
            }

            // Truncated normal on [0, inf): mean = mu + sigma * phi(a) / (1 - Phi(a)), a = -mu/sigma.
            var a = -Mu / Sigma;
            return Mu + (Sigma * Phi(a) / (1 - Cdf(a)));
        }
    }

    /// <inheritdoc />
    public override double Variance
    {
        get
        {
            if (Sigma == 0)
            {
                return 0;
            }

            var a = -Mu / Sigma;
            var lambda = Phi(a) / (1 - Cdf(a));
            return Sigma * Sigma * (1 + (a * lambda) - (lambda * lambda));
        }
    }

    private static double Phi(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    // Standard normal CDF via erfc (Abramowitz–Stegun 7.1.26 is too coarse; use the complementary error function series).
    private static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    // Numerical Recipes erfc (Chebyshev fit), relative error < 1.2e-7: ample for describing a model.
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = -0.82215223 + (t * 0.17087277);
        poly = 1.48851587 + (t * poly);
        poly = -1.13520398 + (t * poly);
        poly = 0.27886807 + (t * poly);
        poly = -0.18628806 + (t * poly);
        poly = 0.09678418 + (t * poly);
        poly = 0.37409196 + (t * poly);
        poly = 1.00002368 + (t * poly);
        poly = -1.26551223 + (t * poly);
        var r = t * Math.Exp((-z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }
}
