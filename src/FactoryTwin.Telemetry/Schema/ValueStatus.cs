namespace FactoryTwin.Telemetry.Schema;

/// <summary>What the decoder found about one value of a <c>measure</c> message.</summary>
internal enum ValueStatus
{
    /// <summary>A finite number for a known sensor.</summary>
    Ok,

    /// <summary>The sensor id is not in the plant model.</summary>
    UnknownSensor,

    /// <summary>The value is NaN or infinite (written as <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>, or a number that overflows).</summary>
    NotFinite,
}
