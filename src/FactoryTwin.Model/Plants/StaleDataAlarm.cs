using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>Active while no reading of the sensor has arrived for <see cref="After"/>.</summary>
public sealed record StaleDataAlarm : AlarmRule
{
    /// <summary>Gets the sensor.</summary>
    public required SensorId Sensor { get; init; }

    /// <summary>Gets the silence after which data is stale, in seconds.</summary>
    public required double After { get; init; }
}
