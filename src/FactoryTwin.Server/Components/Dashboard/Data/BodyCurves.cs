namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The metal-temperature curves of a body's points against the paint's cure window.</summary>
/// <param name="Body">The body id.</param>
/// <param name="Threshold">The cure threshold temperature, in kelvin.</param>
/// <param name="MaxPeak">The highest allowed metal temperature, in kelvin.</param>
/// <param name="MinTimeAboveThreshold">The least time the metal must stay at or above the threshold, in seconds.</param>
/// <param name="ElapsedSeconds">Seconds the body has been in the oven now.</param>
/// <param name="Points">One curve per measurement point.</param>
public sealed record BodyCurves(string Body, double Threshold, double MaxPeak, double MinTimeAboveThreshold, double ElapsedSeconds, IReadOnlyList<PointCurve> Points);
