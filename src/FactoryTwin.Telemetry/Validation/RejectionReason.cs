namespace FactoryTwin.Telemetry.Validation;

/// <summary>Why a message, or one value of it, was rejected. The names in <see cref="RejectionReasons"/> are the metric tag values.</summary>
public enum RejectionReason
{
    /// <summary>The topic or payload does not follow schema v1 (<c>malformed</c>).</summary>
    Malformed,

    /// <summary>The payload is larger than <see cref="TelemetryOptions.MaxPayloadBytes"/> (<c>too-large</c>).</summary>
    TooLarge,

    /// <summary>The publisher is not a gateway of the plant, or may not publish for the topic's line (<c>unauthorized</c>).</summary>
    Unauthorized,

    /// <summary>The topic's line or asset is not in the plant model, or the asset is not on that line (<c>unknown-asset</c>).</summary>
    UnknownAsset,

    /// <summary>A measured sensor is not in the plant model or is mounted on another asset (<c>unknown-sensor</c>).</summary>
    UnknownSensor,

    /// <summary>A part event names a variant or colour the plant model does not have (<c>unknown-product</c>).</summary>
    UnknownProduct,

    /// <summary>A value is outside the sensor's declared range, or a counter is negative (<c>out-of-range</c>).</summary>
    OutOfRange,

    /// <summary>A value is NaN or infinite (<c>not-finite</c>).</summary>
    NotFinite,

    /// <summary>A timestamp is later than now plus <see cref="TelemetryOptions.MaxClockSkew"/> (<c>future</c>).</summary>
    Future,

    /// <summary>A timestamp is earlier than now minus <see cref="TelemetryOptions.MaxAge"/> (<c>too-old</c>).</summary>
    TooOld,

    /// <summary>The publisher already sent this sequence number (<c>duplicate</c>).</summary>
    Duplicate,
}
