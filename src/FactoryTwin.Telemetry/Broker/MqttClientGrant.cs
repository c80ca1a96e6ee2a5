using System.Collections.Frozen;

namespace FactoryTwin.Telemetry.Broker;

/// <summary>What an authenticated MQTT client may do on the embedded broker.</summary>
/// <param name="Lines">The line ids under whose telemetry topics (<c>factorytwin/v1/{site}/{line}/…</c>) the client may publish and subscribe.</param>
/// <param name="IsService">
/// <see langword="true"/> for FactoryTwin's own clients (ingestion): they may publish and subscribe under every line. Nobody,
/// not even a service, may subscribe to <c>#</c>.
/// </param>
public sealed record MqttClientGrant(FrozenSet<string> Lines, bool IsService = false)
{
    /// <summary>Creates a grant for a device limited to some lines.</summary>
    /// <param name="lines">The line ids.</param>
    /// <returns>The grant.</returns>
    public static MqttClientGrant ForLines(IEnumerable<string> lines) => new(lines.ToFrozenSet(StringComparer.Ordinal));

    /// <summary>Gets a grant for FactoryTwin's own clients.</summary>
    public static MqttClientGrant Service { get; } = new(FrozenSet<string>.Empty, IsService: true);
}
