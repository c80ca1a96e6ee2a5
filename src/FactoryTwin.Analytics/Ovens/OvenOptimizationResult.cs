using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>The setpoints (and speed) that keep every point in its cure window with the least heat, or why none exists.</summary>
/// <param name="Oven">The oven.</param>
/// <param name="Feasible">Whether a setting within the bounds keeps every point's margin at or above the required one.</param>
/// <param name="Message">Why no setting is feasible (naming the binding point and criterion); <see langword="null"/> when feasible.</param>
/// <param name="RequiredMargin">The margin every point had to keep.</param>
/// <param name="Zones">Each zone's setpoint: the optimum, or the best reachable setting when infeasible.</param>
/// <param name="CurrentSpeed">The oven's conveyor speed, in m/s.</param>
/// <param name="Speed">The speed found, in m/s.</param>
/// <param name="Points">Every point of every body style, at the setting found and at the current one.</param>
/// <param name="Binding">The point with the smallest margin at the setting found.</param>
/// <param name="Current">The heat demand at the current setpoints and speed.</param>
/// <param name="Optimized">The heat demand at the setting found.</param>
/// <param name="Evaluations">The cure predictions made.</param>
public sealed record OvenOptimizationResult(
    AssetId Oven,
    bool Feasible,
    string? Message,
    double RequiredMargin,
    IReadOnlyList<ZoneSetting> Zones,
    double CurrentSpeed,
    double Speed,
    IReadOnlyList<PointMargin> Points,
    PointMargin Binding,
    OvenHeatDemand Current,
    OvenHeatDemand Optimized,
    int Evaluations)
{
    /// <summary>Gets the saving of heat per body against the current setting, as a fraction (negative when more heat is needed).</summary>
    public double Saving => 1 - (Optimized.PerBody / Current.PerBody);

    /// <summary>Gets the saving of heat input against the current setting, in watts of the energy model (at each setting's own speed).</summary>
    public double SavingPower => Current.Total - Optimized.Total;
}
