using System.Globalization;

namespace FactoryTwin.Simulation.Statistics;

/// <summary>
/// A mean over independent replications with its Student-t confidence interval:
/// mean ± t(1 − α/2, n − 1) · s / √n.
/// </summary>
/// <param name="Mean">Sample mean.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1 denominator); 0 when n &lt; 2.</param>
/// <param name="HalfWidth">Half-width of the interval; +∞ when n &lt; 2.</param>
/// <param name="Count">Number of replications n.</param>
/// <param name="Confidence">Confidence level, e.g. 0.95.</param>
public readonly record struct Estimate(double Mean, double StandardDeviation, double HalfWidth, int Count, double Confidence)
{
    /// <summary>Gets the lower bound of the interval.</summary>
    public double Lower => Mean - HalfWidth;

    /// <summary>Gets the upper bound of the interval.</summary>
    public double Upper => Mean + HalfWidth;

    /// <summary>Computes the estimate from one value per replication.</summary>
    /// <param name="values">One value per replication, in replication order (the sum is taken in this order).</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    /// <returns>The estimate.</returns>
    public static Estimate From(ReadOnlySpan<double> values, double confidence = 0.95)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must lie in (0, 1).");
        }

        int n = values.Length;
        if (n == 0)
        {
            return new Estimate(double.NaN, double.NaN, double.PositiveInfinity, 0, confidence);
        }

        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        double mean = sum / n;
        if (n == 1)
        {
            return new Estimate(mean, 0, double.PositiveInfinity, 1, confidence);
        }

        double squares = 0;
        foreach (double v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        double sd = Math.Sqrt(squares / (n - 1));
        double t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, n - 1, 0.5 + (confidence / 2));
        return new Estimate(mean, sd, t * sd / Math.Sqrt(n), n, confidence);
    }

    /// <summary>Whether <paramref name="value"/> lies in the closed interval.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> when Lower ≤ value ≤ Upper.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Formats as <c>mean ± half-width</c> in the invariant culture.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Mean:G6} ± {HalfWidth:G3} (n={Count})");
}
