using FactoryTwin.Plant.Ovens;

namespace FactoryTwin.Cli.Commands;

/// <summary>One point's predicted cure, as JSON (°C and minutes).</summary>
/// <param name="Style">The body style.</param>
/// <param name="Point">The measurement point.</param>
/// <param name="Model">lumped or slab.</param>
/// <param name="PeakC">The peak metal temperature, in °C.</param>
/// <param name="TimeAboveThresholdMin">The time above the paint's threshold, in minutes.</param>
/// <param name="EquivalentTimeMin">The Arrhenius equivalent time, in minutes.</param>
/// <param name="Verdict">under-cured, ok or over-baked.</param>
/// <param name="Margin">The smallest relative slack to the cure window.</param>
/// <param name="Binding">The limit that sets the margin.</param>
internal sealed record OvenPointRow(string Style, string Point, ThermalModelKind Model, double PeakC, double TimeAboveThresholdMin, double EquivalentTimeMin, CureVerdict Verdict, double Margin, CureCriterion Binding)
{
    public static OvenPointRow From(string style, PointCureResult p) => new(
        style, p.Point.Value, p.Model, OvenCommand.ToCelsius(p.PeakTemperature), Math.Round(p.TimeAboveThreshold / 60, 3), Math.Round(p.EquivalentTime / 60, 3), p.Verdict, Math.Round(p.Margin, 4), p.Binding);
}
