namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>A body now in an oven with its predicted cure verdict.</summary>
/// <param name="Body">The body id.</param>
/// <param name="Variant">The variant id.</param>
/// <param name="Colour">The colour id.</param>
/// <param name="EnteredAt">When it entered the oven.</param>
/// <param name="Verdict">The predicted verdict of its worst point: <c>ok</c>, <c>under-cured</c> or <c>over-baked</c>.</param>
/// <param name="WorstPoint">The point with the smallest margin.</param>
/// <param name="Margin">That point's relative margin to the cure window (negative outside).</param>
public sealed record OvenBodyLive(string Body, string Variant, string Colour, DateTimeOffset EnteredAt, string Verdict, string WorstPoint, double Margin);
