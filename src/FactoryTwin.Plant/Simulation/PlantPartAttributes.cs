using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
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

    /// <summary>The value of the variant attribute for <paramref name="variant"/>: its position in the plant's variants, or −1 when the plant has no such variant.</summary>
    public static int IndexOf(PlantModel plant, VariantId variant)
    {
        var variants = plant.Variants.Items;
        for (int i = 0; i < variants.Length; i++)
        {
            if (variants[i].Id == variant)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The value of the colour attribute for <paramref name="colour"/>: its position in the plant's colours (0 for no colour
    /// in a plant without colours), or −1 when the plant has no such colour.
    /// </summary>
    public static int IndexOf(PlantModel plant, ColourId colour)
    {
        var colours = plant.Colours.Items;
        if (colours.IsEmpty && string.IsNullOrEmpty(colour.Value))
        {
            return 0;
        }

        for (int i = 0; i < colours.Length; i++)
        {
            if (colours[i].Id == colour)
            {
                return i;
            }
        }

        return -1;
    }
}
