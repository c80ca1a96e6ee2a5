namespace FactoryTwin.Twin.Abstractions;

/// <summary>The part of one committed telemetry batch that concerns one asset (or, for a line, its part events).</summary>
/// <param name="Points">The points, in batch order.</param>
/// <param name="Parts">The part events, in batch order.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.AssetTelemetry")]
public sealed record AssetTelemetry(
    [property: Id(0)] TwinPoint[] Points,
    [property: Id(1)] TwinPartEvent[] Parts);
