namespace FactoryTwin.Model.Plants;

/// <summary>A storage that holds parts between stations (first in, first out).</summary>
public sealed record Buffer : FlowElement
{
    /// <summary>Gets the number of parts the buffer holds, at least 1.</summary>
    public required int Capacity { get; init; }
}
