using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>A paint colour with its share of production.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Mix">Its share of released parts; the colours' shares sum to 1.</param>
public sealed record Colour(ColourId Id, string Name, double Mix);
