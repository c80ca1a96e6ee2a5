using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>Active while the sensor's reading changes faster than <see cref="MaxRate"/>.</summary>
public sealed record RateOfChangeAlarm : AlarmRule
{
    /// <summary>Gets the sensor.</summary>
    public required SensorId Sensor { get; init; }

    /// <summary>Gets the largest allowed rate, in the sensor's SI unit per second.</summary>
    public required double MaxRate { get; init; }
}
