namespace FactoryTwin.VirtualPlant.Publishing;

/// <summary>One sensor value waiting in a gateway's measure batch.</summary>
/// <param name="Sensor">The sensor id.</param>
/// <param name="Value">The value in the sensor's unit.</param>
/// <param name="Timestamp">The value's own timestamp.</param>
internal readonly record struct MeasureSample(string Sensor, double Value, DateTimeOffset Timestamp);
