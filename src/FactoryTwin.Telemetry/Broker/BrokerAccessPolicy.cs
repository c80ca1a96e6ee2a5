using FactoryTwin.Telemetry.Schema;

namespace FactoryTwin.Telemetry.Broker;

/// <summary>
/// Which topics a client of the embedded broker may publish to and subscribe to: a device only under its lines'
/// telemetry topics <c>factorytwin/v1/{site}/{line}/…</c>; FactoryTwin's own clients (and anyone while device
/// authentication is off) anywhere; nobody may subscribe to <c>#</c>, which would receive every message of the broker.
/// Whoever publishes, a topic name that MQTT forbids (see <see cref="IsValidTopicName"/>) is refused first.
/// </summary>
internal static class BrokerAccessPolicy
{
    private const string SharePrefix = "$share/";

    /// <summary>
    /// Decides whether a PUBLISH topic name is one MQTT allows: it holds no wildcard, neither <c>+</c> nor <c>#</c>
    /// ([MQTT-3.3.2-2] in 3.1.1 and 5.0: "The Topic Name in the PUBLISH packet MUST NOT contain wildcard characters"), and
    /// no U+0000 ([MQTT-1.5.3-2] in 3.1.1, [MQTT-1.5.4-2] in 5.0). An empty name (MQTT 5 with a topic alias) is left to
    /// MQTTnet, which resolves the alias before this check.
    /// </summary>
    /// <param name="topic">The topic name of a PUBLISH.</param>
    /// <returns><see langword="true"/> when the name is allowed.</returns>
    public static bool IsValidTopicName(ReadOnlySpan<char> topic) => !topic.ContainsAny('+', '#', '\0');

    /// <summary>Decides whether a client may publish to a topic.</summary>
    /// <param name="grant">The client's grant, or <see langword="null"/> when device authentication is off.</param>
    /// <param name="topic">The topic.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool MayPublish(MqttClientGrant? grant, ReadOnlySpan<char> topic) =>
        grant is null || grant.IsService || IsOwnLine(grant, topic, allowWildcards: false);

    /// <summary>Decides whether a client may subscribe to a topic filter.</summary>
    /// <param name="grant">The client's grant, or <see langword="null"/> when device authentication is off.</param>
    /// <param name="filter">The topic filter, possibly a shared subscription <c>$share/{group}/…</c>.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool MaySubscribe(MqttClientGrant? grant, ReadOnlySpan<char> filter)
    {
        if (filter.StartsWith(SharePrefix, StringComparison.Ordinal))
        {
            var rest = filter[SharePrefix.Length..];
            var slash = rest.IndexOf('/');
            filter = slash < 0 ? [] : rest[(slash + 1)..];
        }

        if (filter.IsEmpty || filter.SequenceEqual("#"))
        {
            return false;
        }

        return grant is null || grant.IsService || IsOwnLine(grant, filter, allowWildcards: true);
    }

    private static bool IsOwnLine(MqttClientGrant grant, ReadOnlySpan<char> topic, bool allowWildcards)
    {
        if (!topic.StartsWith(TelemetryTopic.Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = topic[TelemetryTopic.Prefix.Length..];
        var siteEnd = rest.IndexOf('/');
        if (siteEnd <= 0)
        {
            return false;
        }

        var site = rest[..siteEnd];
        if (!allowWildcards && site.ContainsAny('+', '#'))
        {
            return false;
        }

        rest = rest[(siteEnd + 1)..];
        var lineEnd = rest.IndexOf('/');
        var line = lineEnd < 0 ? rest : rest[..lineEnd];

        // A wildcard in the line segment would reach other lines, so it is never inside a device's own lines.
        return !line.IsEmpty && grant.Lines.GetAlternateLookup<ReadOnlySpan<char>>().Contains(line);
    }
}
