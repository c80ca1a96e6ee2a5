namespace FactoryTwin.Analytics.WhatIf;

/// <summary>A sample mean with its Student-t confidence interval: mean ± t(1 − α/2, n − 1)·s/√n (half-width +∞ when n &lt; 2).</summary>
internal readonly record struct SampleEstimate(double Mean, double StandardDeviation, double HalfWidth, int Count)
{
    public static SampleEstimate From(ReadOnlySpan<double> values, double confidence)
    {
        int n = values.Length;
        if (n == 0)
        {
            return new SampleEstimate(double.NaN, double.NaN, double.PositiveInfinity, 0);
        }

        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        double mean = sum / n;
        if (n == 1)
        {
            return new SampleEstimate(mean, 0, double.PositiveInfinity, 1);
        }

        double squares = 0;
        foreach (double v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        double sd = Math.Sqrt(squares / (n - 1));
        double t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, n - 1, 0.5 + (confidence / 2));
        return new SampleEstimate(mean, sd, t * sd / Math.Sqrt(n), n);
    }
}
