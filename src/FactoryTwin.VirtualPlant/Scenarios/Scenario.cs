using System.Collections.Immutable;

namespace FactoryTwin.VirtualPlant.Scenarios;

/// <summary>Disturbances to inject into a virtual plant run (a scenario file, docs/virtual-plant.md).</summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Disturbances">The disturbances, in file order.</param>
public sealed record Scenario(string Name, ImmutableArray<Disturbance> Disturbances)
{
    /// <summary>Gets the scenario without disturbances.</summary>
    public static Scenario None { get; } = new("none", []);
}
