namespace FactoryTwin.VirtualPlant.Publishing;

/// <summary>One telemetry message ready to publish.</summary>
/// <param name="Topic">The MQTT topic.</param>
/// <param name="Payload">The UTF-8 JSON payload.</param>
/// <param name="Seq">The publisher's sequence number in the payload.</param>
/// <param name="Points">Sensor values in it (0 except for measure messages).</param>
internal readonly record struct OutgoingMessage(string Topic, byte[] Payload, long Seq, int Points);
