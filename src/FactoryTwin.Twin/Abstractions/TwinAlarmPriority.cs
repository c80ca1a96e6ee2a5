namespace FactoryTwin.Twin.Abstractions;

/// <summary>An alarm's priority; the values equal <see cref="Model.Plants.AlarmPriority"/>'s.</summary>
[GenerateSerializer, Alias("FactoryTwin.Twin.TwinAlarmPriority")]
public enum TwinAlarmPriority
{
    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,

    /// <summary>Critical.</summary>
    Critical,
}
