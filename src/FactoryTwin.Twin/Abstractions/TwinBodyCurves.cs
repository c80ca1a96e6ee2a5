using System.Collections.Immutable;

namespace FactoryTwin.Twin.Abstractions;

/// <summary>A body's predicted temperature curves with the oven's cure window, from the twin's own prediction.</summary>
/// <param name="PartId">The body id.</param>
/// <param name="Threshold">The cure threshold temperature in kelvin.</param>
/// <param name="MaxPeakTemperature">The highest allowed metal temperature in kelvin.</param>
/// <param name="MinTimeAboveThreshold">The least time above the threshold, in seconds.</param>
/// <param name="ElapsedSeconds">Seconds since the body entered, at the prediction.</param>
/// <param name="Points">One curve per measuring point.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.TwinBodyCurves")]
public sealed record TwinBodyCurves(
    [property: Id(0)] string PartId,
    [property: Id(1)] double Threshold,
    [property: Id(2)] double MaxPeakTemperature,
    [property: Id(3)] double MinTimeAboveThreshold,
    [property: Id(4)] double ElapsedSeconds,
    [property: Id(5)] ImmutableArray<TwinPointCurve> Points);
