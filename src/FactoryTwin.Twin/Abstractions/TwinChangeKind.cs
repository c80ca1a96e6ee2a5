namespace FactoryTwin.Twin.Abstractions;

/// <summary>What changed.</summary>
[GenerateSerializer, Alias("FactoryTwin.Twin.TwinChangeKind")]
public enum TwinChangeKind
{
    /// <summary>An asset's live state (key: the asset id).</summary>
    Asset,

    /// <summary>An alarm's state (key: the asset id).</summary>
    Alarm,

    /// <summary>A line's state (key: the line id).</summary>
    Line,

    /// <summary>The plant (key: the site id).</summary>
    Plant,
}
