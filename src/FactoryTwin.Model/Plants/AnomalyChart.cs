namespace FactoryTwin.Model.Plants;

/// <summary>The control chart of an <see cref="AnomalyAlarm"/>.</summary>
public enum AnomalyChart
{
    /// <summary>Exponentially weighted moving average of robust z-scores (<c>ewma</c>).</summary>
    Ewma,

    /// <summary>Two-sided tabular CUSUM of robust z-scores (<c>cusum</c>).</summary>
    Cusum,
}
