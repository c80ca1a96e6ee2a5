namespace FactoryTwin.Telemetry.Validation;

/// <summary>What <see cref="SequenceWindow"/> says about a sequence number.</summary>
internal enum SequenceVerdict
{
    /// <summary>Not seen before; accepted and remembered.</summary>
    New,

    /// <summary>Seen before (or too far behind to tell and not a restart): a duplicate.</summary>
    Duplicate,
}
