namespace FactoryTwin.Telemetry.Validation;

/// <summary>What <see cref="SequenceWindow"/> says about a sequence number.</summary>
internal enum SequenceVerdict
{
    /// <summary>Not seen before; accepted and remembered.</summary>
    New,

    /// <summary>
    /// Not seen before, but counted as a gap when a higher number came first (out of order, or redelivered late);
    /// accepted and remembered, and counted as late so that gaps minus late is what never arrived.
    /// </summary>
    Late,

    /// <summary>Seen before (or too far behind to tell and not a restart): a duplicate.</summary>
    Duplicate,
}
