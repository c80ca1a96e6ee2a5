namespace FactoryTwin.Analytics.Anomaly;

/// <summary>The control chart a <see cref="RobustAnomalyDetector"/> runs on the robust z-scores.</summary>
public enum AnomalyMethod
{
    /// <summary>Exponentially weighted moving average (Roberts 1959) with limits ±L·√(λ/(2−λ)).</summary>
    Ewma,

    /// <summary>Two-sided tabular CUSUM (Page 1954) with slack k and decision interval h.</summary>
    Cusum,
}
