using System.Collections.Immutable;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.Fitting;

/// <summary>The distributions fitted for one station from its history.</summary>
/// <param name="Station">The station.</param>
/// <param name="Basis">The clock the times between failures were measured on: the basis of the station's failure mode in the plant file, operating when it has none.</param>
/// <param name="Failures">Times between failures; <see langword="null"/> when the history has no complete one.</param>
/// <param name="Repairs">Repair times; <see langword="null"/> when the history has no complete one.</param>
/// <param name="Processing">Processing times of all variants together; <see langword="null"/> when not measured (see <paramref name="Notes"/>).</param>
/// <param name="ProcessingByVariant">Processing times per variant.</param>
/// <param name="Notes">Why something was not fitted or will not be written to the plant file.</param>
public sealed record StationFit(
    AssetId Station,
    FailureBasis Basis,
    DistributionFit? Failures,
    DistributionFit? Repairs,
    DistributionFit? Processing,
    ImmutableArray<VariantFit> ProcessingByVariant,
    ImmutableArray<string> Notes);
