namespace FactoryTwin.Telemetry.Schema;

/// <summary>
/// The v1 topic <c>factorytwin/v1/{site}/{line}/{asset}/{kind}</c>, split without allocating: the segments are ranges of the topic.
/// </summary>
/// <param name="Site">The range of the site segment.</param>
/// <param name="Line">The range of the line segment.</param>
/// <param name="Asset">The range of the asset segment.</param>
/// <param name="Kind">The message kind.</param>
internal readonly record struct TelemetryTopic(Range Site, Range Line, Range Asset, MessageKind Kind)
{
    /// <summary>The fixed first two segments.</summary>
    public const string Prefix = "factorytwin/v1/";

    /// <summary>The MQTT 5 user property that names the publishing gateway (its client id).</summary>
    public const string PublisherProperty = "publisher";

    /// <summary>Builds the topic filter for every message of one site.</summary>
    /// <param name="site">The site id.</param>
    /// <param name="sharedGroup">The shared-subscription group, or <see langword="null"/>.</param>
    /// <returns>The filter, <c>factorytwin/v1/{site}/#</c> or <c>$share/{group}/factorytwin/v1/{site}/#</c>.</returns>
    public static string FilterFor(string site, string? sharedGroup) =>
        sharedGroup is null ? Prefix + site + "/#" : "$share/" + sharedGroup + "/" + Prefix + site + "/#";

    /// <summary>Builds a topic.</summary>
    /// <param name="site">The site id.</param>
    /// <param name="line">The line id.</param>
    /// <param name="asset">The asset id.</param>
    /// <param name="kind">The kind segment (<c>state</c>, <c>count</c>, <c>measure</c>, <c>part</c>).</param>
    /// <returns>The topic.</returns>
    public static string Format(string site, string line, string asset, string kind) => Prefix + site + "/" + line + "/" + asset + "/" + kind;

    /// <summary>Splits a topic.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="result">The segments when the topic has the v1 shape.</param>
    /// <returns><see langword="true"/> when the topic has exactly the v1 shape with a known kind and non-empty segments.</returns>
    public static bool TryParse(ReadOnlySpan<char> topic, out TelemetryTopic result)
    {
        result = default;
        if (!topic.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        Span<Range> parts = stackalloc Range[5];
        var rest = topic[Prefix.Length..];
        var count = rest.Split(parts, '/');
        if (count != 4)
        {
            return false;
        }

        for (var i = 0; i < 4; i++)
        {
            if (parts[i].GetOffsetAndLength(rest.Length).Length == 0)
            {
                return false;
            }
        }

        MessageKind kind;
        var kindText = rest[parts[3]];
        if (kindText.SequenceEqual("measure"))
        {
            kind = MessageKind.Measure;
        }
        else if (kindText.SequenceEqual("state"))
        {
            kind = MessageKind.State;
        }
        else if (kindText.SequenceEqual("count"))
        {
            kind = MessageKind.Count;
        }
        else if (kindText.SequenceEqual("part"))
        {
            kind = MessageKind.Part;
        }
        else
        {
            return false;
        }

        result = new TelemetryTopic(Shift(parts[0]), Shift(parts[1]), Shift(parts[2]), kind);
        return true;
    }

    private static Range Shift(Range r) => new(r.Start.Value + Prefix.Length, r.End.Value + Prefix.Length);
}
