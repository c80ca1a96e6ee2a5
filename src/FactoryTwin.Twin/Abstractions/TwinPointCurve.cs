using System.Collections.Immutable;

namespace FactoryTwin.Twin.Abstractions;

/// <summary>The predicted metal temperature of one measuring point of a body through the oven.</summary>
/// <param name="Point">The measuring point id.</param>
/// <param name="Verdict">The point's verdict.</param>
/// <param name="Times">Seconds since the body entered.</param>
/// <param name="Temperatures">Metal temperatures in kelvin at <paramref name="Times"/>.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.TwinPointCurve")]
public sealed record TwinPointCurve(
    [property: Id(0)] string Point,
    [property: Id(1)] TwinCureVerdict Verdict,
    [property: Id(2)] ImmutableArray<double> Times,
    [property: Id(3)] ImmutableArray<double> Temperatures);
