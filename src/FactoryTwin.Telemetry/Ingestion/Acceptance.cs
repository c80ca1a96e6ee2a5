using FactoryTwin.Telemetry.Validation;

namespace FactoryTwin.Telemetry.Ingestion;

/// <summary>What the pipeline made of one received message.</summary>
/// <param name="Ticket">The message's place in the settling order; wait for it with <see cref="IngestionPipeline.WaitSettledAsync"/>.</param>
/// <param name="Outcome">Whether all, some or none of it was accepted.</param>
/// <param name="Reason">Why it was rejected as a whole, when <paramref name="Outcome"/> is <see cref="MessageOutcome.Rejected"/> for one reason.</param>
internal readonly record struct Acceptance(long Ticket, MessageOutcome Outcome, RejectionReason? Reason);
