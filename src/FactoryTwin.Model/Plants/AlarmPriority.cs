namespace FactoryTwin.Model.Plants;

/// <summary>The priority of an alarm (ISA-18.2).</summary>
public enum AlarmPriority
{
    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,

    /// <summary>Critical (emergency).</summary>
    Critical,
}
