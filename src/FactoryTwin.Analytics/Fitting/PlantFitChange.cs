using FactoryTwin.Model.Distributions;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Fitting;

/// <summary>One distribution of the plant file replaced by a fit.</summary>
/// <param name="Station">The station.</param>
/// <param name="Field">The field: <c>processingTime</c>, <c>failures[0].timeBetween</c> or <c>failures[0].timeToRepair</c>.</param>
/// <param name="Before">The distribution in the plant file.</param>
/// <param name="After">The fitted distribution written instead.</param>
/// <param name="Fit">The fit it comes from.</param>
public sealed record PlantFitChange(AssetId Station, string Field, Distribution Before, Distribution After, CandidateFit Fit);
