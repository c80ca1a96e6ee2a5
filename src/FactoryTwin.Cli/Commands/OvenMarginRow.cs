using FactoryTwin.Plant.Ovens;

namespace FactoryTwin.Cli.Commands;

/// <summary>One point's margin at the optimized and the current setting, as JSON.</summary>
/// <param name="Style">The body style.</param>
/// <param name="Point">The measurement point.</param>
/// <param name="Margin">The margin at the setting found.</param>
/// <param name="CurrentMargin">The margin at the current setting.</param>
/// <param name="Binding">The limit that sets the margin.</param>
/// <param name="Verdict">The verdict at the setting found.</param>
/// <param name="PeakC">The peak metal temperature at the setting found, in °C.</param>
internal sealed record OvenMarginRow(string Style, string Point, double Margin, double CurrentMargin, CureCriterion Binding, CureVerdict Verdict, double PeakC);
