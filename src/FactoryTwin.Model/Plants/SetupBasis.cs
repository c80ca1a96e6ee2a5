namespace FactoryTwin.Model.Plants;

/// <summary>What change of part attribute causes a changeover.</summary>
public enum SetupBasis
{
    /// <summary>A change of paint colour (<c>colour</c>).</summary>
    Colour,

    /// <summary>A change of product variant (<c>variant</c>).</summary>
    Variant,
}
