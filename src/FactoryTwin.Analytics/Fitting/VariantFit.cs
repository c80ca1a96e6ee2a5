using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Fitting;

/// <summary>The processing-time fit of one variant at one station.</summary>
/// <param name="Variant">The variant.</param>
/// <param name="Fit">The fit.</param>
public sealed record VariantFit(VariantId Variant, DistributionFit Fit);
