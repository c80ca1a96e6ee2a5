namespace FactoryTwin.Plant.Ovens;

/// <summary>The limit of the cure window that is closest (or violated).</summary>
public enum CureCriterion
{
    /// <summary>Minimum time above the threshold temperature.</summary>
    TimeAboveThreshold,

    /// <summary>Minimum Arrhenius equivalent time.</summary>
    MinEquivalentTime,

    /// <summary>Maximum Arrhenius equivalent time.</summary>
    MaxEquivalentTime,

    /// <summary>Maximum peak metal temperature.</summary>
    PeakTemperature,
}
