using FactoryTwin.Model.Ids;
using FactoryTwin.Plant.Ovens;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>A point's predicted cure at the optimized setting and at the current one.</summary>
/// <param name="Style">The body style.</param>
/// <param name="Point">The measurement point.</param>
/// <param name="Margin">The cure margin at the optimized setting.</param>
/// <param name="Binding">The cure-window limit that sets the margin.</param>
/// <param name="Verdict">The verdict at the optimized setting.</param>
/// <param name="PeakTemperature">The peak metal temperature at the optimized setting, in kelvin.</param>
/// <param name="CurrentMargin">The margin at the current setpoints and speed.</param>
public sealed record PointMargin(BodyStyleId Style, PointId Point, double Margin, CureCriterion Binding, CureVerdict Verdict, double PeakTemperature, double CurrentMargin);
