namespace FactoryTwin.Model.Plants;

/// <summary>Where parts leave the plant (shipping, yard).</summary>
public sealed record Sink : FlowElement;
