namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>One oven zone: its air temperature against its setpoint.</summary>
/// <param name="Zone">The zone id.</param>
/// <param name="Setpoint">The setpoint, in kelvin.</param>
/// <param name="Air">The last measured air temperature, in kelvin, when known.</param>
/// <param name="MeasuredAt">When it was measured.</param>
/// <param name="Recent">The air temperature over the last minutes (bucketed), oldest first.</param>
public sealed record OvenZoneLive(string Zone, double Setpoint, double? Air, DateTimeOffset? MeasuredAt, IReadOnlyList<TrendPoint> Recent);
