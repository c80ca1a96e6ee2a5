using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>A product variant (model and trim) with its share of production.</summary>
/// <param name="Id">The id.</param>
/// <param name="Name">The display name.</param>
/// <param name="BodyStyle">The body style it is built on.</param>
/// <param name="Mix">Its share of released parts; the variants' shares sum to 1.</param>
public sealed record ProductVariant(VariantId Id, string Name, BodyStyleId BodyStyle, double Mix);
