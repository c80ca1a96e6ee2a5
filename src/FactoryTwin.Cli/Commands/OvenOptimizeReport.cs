namespace FactoryTwin.Cli.Commands;

/// <summary>The JSON of <c>oven optimize</c>.</summary>
/// <param name="Plant">The plant file.</param>
/// <param name="Oven">The oven.</param>
/// <param name="Feasible">Whether every point keeps the required margin at the setting found.</param>
/// <param name="Message">Why no setting is feasible; absent when feasible.</param>
/// <param name="RequiredMargin">The margin every point must keep.</param>
/// <param name="Zones">The setpoints.</param>
/// <param name="CurrentSpeedMPerMin">The oven's conveyor speed, in m/min.</param>
/// <param name="SpeedMPerMin">The speed found, in m/min.</param>
/// <param name="Binding">The point with the smallest margin at the setting found.</param>
/// <param name="Points">Every point's margin.</param>
/// <param name="Heat">The heat demand before and after.</param>
/// <param name="Evaluations">The cure predictions made.</param>
internal sealed record OvenOptimizeReport(
    string Plant,
    string Oven,
    bool Feasible,
    string? Message,
    double RequiredMargin,
    IReadOnlyList<OvenSetpointRow> Zones,
    double CurrentSpeedMPerMin,
    double SpeedMPerMin,
    OvenMarginRow Binding,
    IReadOnlyList<OvenMarginRow> Points,
    OvenHeatSummary Heat,
    int Evaluations);
