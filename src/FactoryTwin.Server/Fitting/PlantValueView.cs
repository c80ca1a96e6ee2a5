namespace FactoryTwin.Server.Fitting;

/// <summary>A distribution the served plant file holds now, beside which a fit is shown.</summary>
/// <param name="Station">The station id.</param>
/// <param name="Field">processingTime, failures[0].timeBetween or failures[0].timeToRepair (as in <see cref="PlantFitChangeDto.Field"/>).</param>
/// <param name="Distribution">The distribution in one line, e.g. <c>lognormal(mean 45 s, cv 0.3)</c>.</param>
/// <param name="Mean">Its mean, in seconds.</param>
internal sealed record PlantValueView(string Station, string Field, string Distribution, double Mean);
