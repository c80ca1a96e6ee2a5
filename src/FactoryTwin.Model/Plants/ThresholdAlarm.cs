using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>Active while the sensor reads above <see cref="High"/> or below <see cref="Low"/>; clears only <see cref="Deadband"/> inside the limit.</summary>
public sealed record ThresholdAlarm : AlarmRule
{
    /// <summary>Gets the sensor.</summary>
    public required SensorId Sensor { get; init; }

    /// <summary>Gets the high limit, in the sensor's SI unit.</summary>
    public double? High { get; init; }

    /// <summary>Gets the low limit, in the sensor's SI unit.</summary>
    public double? Low { get; init; }

    /// <summary>Gets the deadband, in the sensor's SI unit.</summary>
    public double Deadband { get; init; }
}
