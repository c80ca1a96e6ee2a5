namespace FactoryTwin.Analytics.Ovens;

/// <summary>The heat an oven needs at some setting, by <see cref="OvenEnergyModel"/>.</summary>
/// <param name="WallLoss">The heat lost through walls and exhaust, Σ u·L_z·max(0, T_z − T_ambient), in watts.</param>
/// <param name="BodyHeat">The heat taken up by the bodies, (v / pitch)·m·c·(T̄_peak − T_entry), in watts.</param>
/// <param name="PerBody">The heat per body, (WallLoss + BodyHeat)·pitch / v, in joules.</param>
public sealed record OvenHeatDemand(double WallLoss, double BodyHeat, double PerBody)
{
    /// <summary>Gets the total heat input, in watts.</summary>
    public double Total => WallLoss + BodyHeat;
}
