using FactoryTwin.Telemetry.Validation;

namespace FactoryTwin.Telemetry.Schema;

/// <summary>One decoded value of a <c>measure</c> message, in the sensor's published unit.</summary>
/// <param name="Sensor">The sensor, or <see langword="null"/> when unknown.</param>
/// <param name="Value">The value as published.</param>
/// <param name="Timestamp">The value's own timestamp, or <see langword="null"/> to use the message's.</param>
/// <param name="Status">What the decoder found.</param>
internal readonly record struct MeasureValue(SensorInfo? Sensor, double Value, DateTimeOffset? Timestamp, ValueStatus Status);
