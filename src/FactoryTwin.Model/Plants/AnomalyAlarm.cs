using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>
/// Active while a sensor's stream departs from its learned behaviour: its level (a step or slow drift, by an EWMA or a
/// CUSUM of robust z-scores on the median and MAD of a baseline learned per shift phase), or its sample-to-sample spread
/// (a noise burst, or a value stuck at one reading). See docs/plant-format.md#anomaly-alarms.
/// </summary>
public sealed record AnomalyAlarm : AlarmRule
{
    /// <summary>The default number of samples learned per phase.</summary>
    public const int DefaultLearn = 14_400;

    /// <summary>The default EWMA weight.</summary>
    public const double DefaultLambda = 0.05;

    /// <summary>The default EWMA limit, in robust standard deviations of the values.</summary>
    public const double DefaultEwmaLimit = 5;

    /// <summary>The default CUSUM decision interval, in robust standard deviations.</summary>
    public const double DefaultCusumLimit = 25;

    /// <summary>The default CUSUM slack, in robust standard deviations.</summary>
    public const double DefaultSlack = 1;

    /// <summary>Gets the sensor.</summary>
    public required SensorId Sensor { get; init; }

    /// <summary>Gets the chart on the level.</summary>
    /// <value>The default value is <see cref="AnomalyChart.Ewma"/>.</value>
    public AnomalyChart Chart { get; init; } = AnomalyChart.Ewma;

    /// <summary>Gets how many samples of each phase form its baseline.</summary>
    /// <value>The default value is 14400.</value>
    public int Learn { get; init; } = DefaultLearn;

    /// <summary>Gets the EWMA weight λ, in (0, 1].</summary>
    /// <value>The default value is 0.05.</value>
    public double Lambda { get; init; } = DefaultLambda;

    /// <summary>Gets the limit: L in robust σ of the values (the EWMA of the z-scores), or the CUSUM decision interval h in robust σ; <see langword="null"/> for the chart's default.</summary>
    public double? Limit { get; init; }

    /// <summary>Gets the CUSUM slack k in robust σ.</summary>
    /// <value>The default value is 1.</value>
    public double Slack { get; init; } = DefaultSlack;

    /// <summary>
    /// Gets the length of a shift phase in seconds: each shift is split into phases of this length from its start, each
    /// with its own baseline (warm-up, steady running), and time off shift is one more phase; 0 keeps one on-shift phase.
    /// </summary>
    /// <value>The default value is 0.</value>
    public double PhaseLength { get; init; }

    /// <summary>Gets the limit in force: <see cref="Limit"/> or the chart's default.</summary>
    public double EffectiveLimit => Limit ?? (Chart == AnomalyChart.Ewma ? DefaultEwmaLimit : DefaultCusumLimit);
}
