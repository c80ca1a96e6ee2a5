namespace FactoryTwin.Telemetry.Validation;

/// <summary>What became of one message.</summary>
internal enum MessageOutcome
{
    /// <summary>Everything in it was accepted.</summary>
    Accepted,

    /// <summary>Some values were accepted and some rejected.</summary>
    PartlyAccepted,

    /// <summary>Nothing in it was accepted.</summary>
    Rejected,
}
