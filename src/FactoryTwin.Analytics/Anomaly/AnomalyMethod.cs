namespace FactoryTwin.Analytics.Anomaly;

/// <summary>The control chart a <see cref="RobustAnomalyDetector"/> runs on the robust z-scores.</summary>
public enum AnomalyMethod
{
    /// <summary>Exponentially weighted moving average (Roberts 1959) of the z-scores with limits ±L in robust σ of the values (not the white-noise limit L·√(λ/(2−λ)), which process values with slow drift would cross all the time).</summary>
    Ewma,

    /// <summary>Two-sided tabular CUSUM (Page 1954) with slack k and decision interval h.</summary>
    Cusum,
}
