using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// Which engine part attribute (<see cref="PartAttributes"/>) carries which plant property of a body: the variant is the
/// engine's variant attribute, the colour the next one. Every source gives both, in this order, so the mix stream draws
/// the variant first and then the colour.
/// </summary>
internal static class PlantPartAttributes
{
    /// <summary>The attribute of the product variant (index into <c>PlantModel.Variants</c>).</summary>
    public const int Variant = PartAttributes.Variant;

    /// <summary>The attribute of the colour (index into <c>PlantModel.Colours</c>).</summary>
    public const int Colour = 1;
}
