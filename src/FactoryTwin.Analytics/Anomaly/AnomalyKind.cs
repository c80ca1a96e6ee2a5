namespace FactoryTwin.Analytics.Anomaly;

/// <summary>What a <see cref="RobustAnomalyDetector"/> sees in a sensor stream; flags, since a noisy stream may also be off level.</summary>
[Flags]
public enum AnomalyKind
{
    /// <summary>In control (or still learning its baseline).</summary>
    None = 0,

    /// <summary>The level is above its baseline: a step up or an upward drift.</summary>
    High = 1,

    /// <summary>The level is below its baseline.</summary>
    Low = 2,

    /// <summary>The sample-to-sample spread is well above its baseline: a noise burst.</summary>
    Noisy = 4,

    /// <summary>The sample-to-sample spread has nearly vanished: a stuck (frozen) value.</summary>
    Stuck = 8,
}
