using FactoryTwin.Model.Collections;

namespace FactoryTwin.Model.Distributions;

/// <summary>Draws one of the observed samples with equal probability (resampling measured times).</summary>
/// <param name="Samples">The observed values (SI), at least one.</param>
public sealed record EmpiricalDistribution(ValueList<double> Samples) : Distribution
{
    /// <inheritdoc />
    public override string Name => "empirical";

    /// <inheritdoc />
    public override double Mean
    {
        get
        {
            var sum = 0.0;
            foreach (var s in Samples)
            {
                sum += s;
            }

            return Samples.Count == 0 ? 0 : sum / Samples.Count;
        }
    }

    /// <inheritdoc />
    public override double Variance
    {
        get
        {
            var mean = Mean;
            var sum = 0.0;
            foreach (var s in Samples)
            {
                sum += (s - mean) * (s - mean);
            }

            return Samples.Count == 0 ? 0 : sum / Samples.Count;
        }
    }
}
