using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using FactoryTwin.Simulation.Kernel;

namespace FactoryTwin.Simulation.Modeling;

/// <summary>
/// A non-negative duration distribution in seconds. A small value type sampled with a <c>switch</c>
/// (no virtual or interface dispatch in the event loop).
/// </summary>
public readonly record struct Distribution
{
    private readonly double _p1;
    private readonly double _p2;
    private readonly double _p3;
    private readonly ImmutableArray<double> _samples;

    private Distribution(DistributionKind kind, double p1, double p2, double p3, double mean, ImmutableArray<double> samples = default)
    {
        Kind = kind;
        _p1 = p1;
        _p2 = p2;
        _p3 = p3;
        Mean = mean;
        _samples = samples;
    }

    /// <summary>Gets the distribution family.</summary>
    public DistributionKind Kind { get; }

    /// <summary>Gets the mean in seconds (for the truncated normal, the mean after truncation).</summary>
    public double Mean { get; }

    /// <summary>A constant duration.</summary>
    /// <param name="value">The duration in seconds, at least 0.</param>
    /// <returns>The distribution.</returns>
    public static Distribution Constant(double value)
    {
        RequireFinite(value, nameof(value));
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return new(DistributionKind.Constant, value, 0, 0, value);
    }

    /// <summary>Uniform on [<paramref name="min"/>, <paramref name="max"/>).</summary>
    /// <param name="min">Lower bound in seconds, at least 0.</param>
    /// <param name="max">Upper bound in seconds, at least <paramref name="min"/>.</param>
    /// <returns>The distribution.</returns>
    public static Distribution Uniform(double min, double max)
    {
        RequireFinite(min, nameof(min));
        RequireFinite(max, nameof(max));
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        return new(DistributionKind.Uniform, min, max, 0, (min + max) / 2);
    }

    /// <summary>Triangular with <paramref name="min"/> ≤ <paramref name="mode"/> ≤ <paramref name="max"/>.</summary>
    /// <param name="min">Lower bound in seconds, at least 0.</param>
    /// <param name="mode">Most likely value in seconds.</param>
    /// <param name="max">Upper bound in seconds.</param>
    /// <returns>The distribution.</returns>
    public static Distribution Triangular(double min, double mode, double max)
    {
        RequireFinite(min, nameof(min));
        RequireFinite(mode, nameof(mode));
        RequireFinite(max, nameof(max));
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        ArgumentOutOfRangeException.ThrowIfLessThan(mode, min);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, mode);
        return new(DistributionKind.Triangular, min, mode, max, (min + mode + max) / 3);
    }

    /// <summary>Normal with the given mean and standard deviation, truncated at 0 (negative draws are redrawn).</summary>
    /// <param name="mean">Mean before truncation in seconds, greater than 0.</param>
    /// <param name="standardDeviation">Standard deviation before truncation in seconds, at least 0.</param>
    /// <returns>The distribution.</returns>
    public static Distribution Normal(double mean, double standardDeviation)
    {
        RequireFinite(mean, nameof(mean));
        RequireFinite(standardDeviation, nameof(standardDeviation));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mean);
        ArgumentOutOfRangeException.ThrowIfNegative(standardDeviation);
        double truncatedMean = mean;
        if (standardDeviation > 0)
        {
            // Mean of N(m, s²) truncated below at 0: m + s·φ(α)/(1 − Φ(α)), α = −m/s.
            double alpha = -mean / standardDeviation;
            double tail = 1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, alpha);
            truncatedMean = mean + (standardDeviation * MathNet.Numerics.Distributions.Normal.PDF(0, 1, alpha) / tail);
        }

        return new(DistributionKind.Normal, mean, standardDeviation, 0, truncatedMean);
    }

    /// <summary>Lognormal given by its mean and coefficient of variation (sd / mean).</summary>
    /// <param name="mean">Mean in seconds, greater than 0.</param>
    /// <param name="coefficientOfVariation">Coefficient of variation, at least 0.</param>
    /// <returns>The distribution.</returns>
    public static Distribution LogNormal(double mean, double coefficientOfVariation)
    {
        RequireFinite(mean, nameof(mean));
        RequireFinite(coefficientOfVariation, nameof(coefficientOfVariation));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mean);
        ArgumentOutOfRangeException.ThrowIfNegative(coefficientOfVariation);

        // sigma² = ln(1 + cv²), mu = ln(mean) − sigma²/2 gives E[X] = mean and sd/mean = cv.
        double sigma2 = Math.Log(1 + (coefficientOfVariation * coefficientOfVariation));
        return new(DistributionKind.LogNormal, Math.Log(mean) - (sigma2 / 2), Math.Sqrt(sigma2), 0, mean);
    }

    /// <summary>Exponential with the given mean.</summary>
    /// <param name="mean">Mean in seconds, greater than 0.</param>
    /// <returns>The distribution.</returns>
    public static Distribution Exponential(double mean)
    {
        RequireFinite(mean, nameof(mean));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mean);
        return new(DistributionKind.Exponential, mean, 0, 0, mean);
    }

    /// <summary>Discrete empirical distribution: each sample is drawn with equal probability.</summary>
    /// <param name="samples">Observed durations in seconds, at least one, each at least 0.</param>
    /// <returns>The distribution.</returns>
    public static Distribution Empirical(IEnumerable<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var copy = samples.ToImmutableArray();
        if (copy.IsEmpty)
        {
            throw new ArgumentException("An empirical distribution needs at least one sample.", nameof(samples));
        }

        double sum = 0;
        foreach (double s in copy)
        {
            RequireFinite(s, nameof(samples));
            ArgumentOutOfRangeException.ThrowIfNegative(s, nameof(samples));
            sum += s;
        }

        return new(DistributionKind.Empirical, copy.Length, 0, 0, sum / copy.Length, copy);
    }

    /// <summary>Draws one duration.</summary>
    /// <param name="random">The stream to draw from.</param>
    /// <returns>A duration in seconds, at least 0.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sample(ref SeededRandom random)
    {
        switch (Kind)
        {
            case DistributionKind.Constant:
                return _p1;
            case DistributionKind.Uniform:
                return _p1 + ((_p2 - _p1) * random.NextDouble());
            case DistributionKind.Triangular:
                return SampleTriangular(ref random);
            case DistributionKind.Normal:
                return SampleTruncatedNormal(ref random);
            case DistributionKind.LogNormal:
                return Math.Exp(_p1 + (_p2 * random.NextStandardNormal()));
            case DistributionKind.Exponential:
                return -_p1 * Math.Log(random.NextOpenDouble());
            default:
                return _samples[(int)(random.NextDouble() * _p1)];
        }
    }

    /// <summary>
    /// Draws the remaining duration of an activity that has already lasted <paramref name="elapsed"/>:
    /// a draw of X − elapsed conditioned on X &gt; elapsed. Memoryless and constant cases are exact; the
    /// others use rejection with up to 1000 tries, after which the remaining time is 0.
    /// </summary>
    /// <param name="random">The stream to draw from.</param>
    /// <param name="elapsed">Time already spent in seconds.</param>
    /// <returns>The remaining duration in seconds, at least 0.</returns>
    public double SampleResidual(ref SeededRandom random, double elapsed)
    {
        if (!(elapsed > 0) || Kind == DistributionKind.Exponential)
        {
            return Sample(ref random);
        }

        if (Kind == DistributionKind.Constant)
        {
            return Math.Max(_p1 - elapsed, 0);
        }

        for (int i = 0; i < 1000; i++)
        {
            double x = Sample(ref random);
            if (x > elapsed)
            {
                return x - elapsed;
            }
        }

        return 0;
    }

    /// <summary>Returns a short invariant-culture description, e.g. <c>LogNormal(mean=60)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}(mean={Mean})");

    private double SampleTriangular(ref SeededRandom random)
    {
        double a = _p1, c = _p2, b = _p3;
        double width = b - a;
        if (width <= 0)
        {
            return a;
        }

        double u = random.NextDouble();
        double f = (c - a) / width;
        return u < f ? a + Math.Sqrt(u * width * (c - a)) : b - Math.Sqrt((1 - u) * width * (b - c));
    }

    private double SampleTruncatedNormal(ref SeededRandom random)
    {
        // The mean is > 0, so each try is accepted with probability > 1/2.
        for (int i = 0; i < 64; i++)
        {
            double x = _p1 + (_p2 * random.NextStandardNormal());
            if (x >= 0)
            {
                return x;
            }
        }

        return 0;
    }

    private static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be a finite number.");
        }
    }
}
