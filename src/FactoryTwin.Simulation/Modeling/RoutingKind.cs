namespace FactoryTwin.Simulation.Modeling;

/// <summary>How an element chooses among its outputs.</summary>
internal enum RoutingKind
{
    /// <summary>The first output (in connection order) that can accept the part.</summary>
    FirstAvailable,

    /// <summary>The output mapped to the part's variant.</summary>
    ByVariant,

    /// <summary>An output drawn at random with fixed fractions.</summary>
    ByFraction,
}
