using FactoryTwin.Model.Distributions;

namespace FactoryTwin.Model.Plants;

/// <summary>Where parts enter the plant (body release, order release).</summary>
public sealed record Source : FlowElement
{
    /// <summary>Gets the time between releases, in seconds.</summary>
    public required Distribution InterArrival { get; init; }
}
