namespace FactoryTwin.Cli.Commands;

/// <summary>One zone's fitted heat-transfer coefficient, as JSON.</summary>
/// <param name="Zone">The zone.</param>
/// <param name="Initial">The plant's value, in W/(m²·K).</param>
/// <param name="Value">The fitted value, in W/(m²·K).</param>
/// <param name="StandardError">Its standard error, in W/(m²·K).</param>
/// <param name="Fitted">Whether the profile covered the zone.</param>
internal sealed record OvenZoneFitRow(string Zone, double Initial, double Value, double StandardError, bool Fitted);
