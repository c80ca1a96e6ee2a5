namespace FactoryTwin.Telemetry.Tests.TestSupport;

/// <summary>One schema v1 message as a gateway publishes it.</summary>
/// <param name="Gateway">The publishing gateway's id (its MQTT client id).</param>
/// <param name="Topic">The topic.</param>
/// <param name="Payload">The JSON payload.</param>
internal sealed record TrafficMessage(string Gateway, string Topic, string Payload);
