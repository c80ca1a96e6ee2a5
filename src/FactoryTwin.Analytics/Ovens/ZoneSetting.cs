using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>A zone's setpoint before and after optimization.</summary>
/// <param name="Zone">The zone.</param>
/// <param name="Current">The setpoint in the plant model, in kelvin.</param>
/// <param name="Optimized">The setpoint found, in kelvin (the best reachable one when no setting is feasible).</param>
/// <param name="Min">The lowest allowed setpoint, in kelvin.</param>
/// <param name="Max">The highest allowed setpoint, in kelvin.</param>
public sealed record ZoneSetting(ZoneId Zone, double Current, double Optimized, double Min, double Max);
