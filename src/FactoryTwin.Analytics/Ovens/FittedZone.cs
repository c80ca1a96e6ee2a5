using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>The fitted heat-transfer coefficient of one zone.</summary>
/// <param name="Zone">The zone.</param>
/// <param name="Initial">The coefficient in the plant model before the fit, in W/(m²·K).</param>
/// <param name="Value">The fitted coefficient, in W/(m²·K) (the initial one when <paramref name="Fitted"/> is false).</param>
/// <param name="StandardError">Its standard error from σ²(JᵀJ)⁻¹ at the optimum, in W/(m²·K); 0 when not fitted.</param>
/// <param name="Fitted">Whether the profile covers the zone, so that its coefficient was fitted.</param>
public sealed record FittedZone(ZoneId Zone, double Initial, double Value, double StandardError, bool Fitted);
