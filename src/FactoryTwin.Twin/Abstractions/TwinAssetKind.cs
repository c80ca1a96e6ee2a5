namespace FactoryTwin.Twin.Abstractions;

/// <summary>What an asset twin stands for.</summary>
[GenerateSerializer, Alias("FactoryTwin.Twin.TwinAssetKind")]
public enum TwinAssetKind
{
    /// <summary>Not in the plant model.</summary>
    Unknown,

    /// <summary>A station.</summary>
    Station,

    /// <summary>An oven (a station of kind oven): also watches the cure of every body inside.</summary>
    Oven,

    /// <summary>A buffer.</summary>
    Buffer,

    /// <summary>A conveyor.</summary>
    Conveyor,

    /// <summary>A source (body release).</summary>
    Source,

    /// <summary>A sink (line exit).</summary>
    Sink,
}
