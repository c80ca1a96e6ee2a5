namespace FactoryTwin.Analytics.Anomaly;

/// <summary>Settings of a <see cref="RobustAnomalyDetector"/>; the defaults suit a 1 Hz process value.</summary>
public sealed record AnomalyDetectorOptions
{
    /// <summary>The default number of samples learned per phase.</summary>
    public const int DefaultLearningSamples = 14_400;

    /// <summary>Gets the control chart on the level.</summary>
    /// <value>The default value is <see cref="AnomalyMethod.Ewma"/>.</value>
    public AnomalyMethod Method { get; init; } = AnomalyMethod.Ewma;

    /// <summary>Gets how many samples of each phase form its baseline (median and MAD of the values, median of |Δ|); the detector is silent in a phase until then.</summary>
    /// <value>The default value is 14400 (4 h at 1 Hz: several time constants of slow process drift).</value>
    public int LearningSamples { get; init; } = DefaultLearningSamples;

    /// <summary>Gets the EWMA weight λ of the level chart and of the spread statistic, in (0, 1].</summary>
    /// <value>The default value is 0.05.</value>
    public double Lambda { get; init; } = 0.05;

    /// <summary>Gets the EWMA limit L in robust standard deviations of the values.</summary>
    /// <value>The default value is 5.</value>
    public double EwmaLimit { get; init; } = 5;

    /// <summary>Gets the CUSUM slack k in robust standard deviations.</summary>
    /// <value>The default value is 1.</value>
    public double CusumSlack { get; init; } = 1;

    /// <summary>Gets the CUSUM decision interval h in robust standard deviations.</summary>
    /// <value>The default value is 25.</value>
    public double CusumLimit { get; init; } = 25;

    /// <summary>Gets the bound of the robust z-scores (Huber-type clipping, so one wild sample cannot raise the alarm alone).</summary>
    /// <value>The default value is 6.</value>
    public double Clip { get; init; } = 6;

    /// <summary>Gets the ratio of the smoothed |Δ| to its baseline above which the stream is noisy.</summary>
    /// <value>The default value is 2.5.</value>
    public double SpreadHigh { get; init; } = 2.5;

    /// <summary>Gets the ratio of the smoothed |Δ| to its baseline below which the value is stuck.</summary>
    /// <value>The default value is 0.1.</value>
    public double SpreadLow { get; init; } = 0.1;

    /// <summary>Returns the problems with these settings, empty when they are valid.</summary>
    /// <returns>One message per problem.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (LearningSamples < 10)
        {
            problems.Add("the baseline needs at least 10 learning samples.");
        }

        if (!(Lambda > 0 && Lambda <= 1))
        {
            problems.Add("lambda must be in (0, 1].");
        }

        if (!(EwmaLimit > 0) || !(CusumSlack >= 0) || !(CusumLimit > 0) || !(Clip > 0))
        {
            problems.Add("the limit, slack, decision interval and clip must be positive.");
        }

        if (!(SpreadHigh > 1) || !(SpreadLow > 0 && SpreadLow < 1))
        {
            problems.Add("spreadHigh must be above 1 and spreadLow in (0, 1).");
        }

        return problems;
    }
}
