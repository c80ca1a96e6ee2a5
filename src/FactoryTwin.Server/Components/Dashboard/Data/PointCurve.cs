namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The predicted metal temperature of one measurement point of a body through the oven.</summary>
/// <param name="Point">The point id.</param>
/// <param name="Verdict">Its verdict: <c>ok</c>, <c>under-cured</c> or <c>over-baked</c>.</param>
/// <param name="Times">Seconds since the body entered.</param>
/// <param name="Temperatures">Metal temperatures, in kelvin.</param>
public sealed record PointCurve(string Point, string Verdict, IReadOnlyList<double> Times, IReadOnlyList<double> Temperatures);
