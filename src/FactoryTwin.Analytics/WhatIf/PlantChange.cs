using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>
/// One change of a what-if scenario: applied to a plant model, it returns the changed plant. Changes are immutable and
/// apply in the order the scenario lists them.
/// </summary>
public abstract record PlantChange
{
    /// <summary>Gets where the change is written (file:line:column), or the default location for a change made in code.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>Gets a one-line description for reports, e.g. <c>buffer closures-buffer: capacity 6 → 10</c>.</summary>
    /// <param name="plant">The plant the change applies to (for the values before).</param>
    /// <returns>The description.</returns>
    public abstract string Describe(PlantModel plant);

    /// <summary>Applies the change.</summary>
    /// <param name="plant">The plant before.</param>
    /// <returns>The plant after.</returns>
    /// <exception cref="ArgumentException">The plant has no element the change names.</exception>
    public abstract PlantModel Apply(PlantModel plant);
}
