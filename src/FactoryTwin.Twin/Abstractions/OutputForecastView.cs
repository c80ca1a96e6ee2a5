namespace FactoryTwin.Twin.Abstractions;

/// <summary>An end-of-shift output forecast.</summary>
/// <param name="SoFar">Good output of the shift at the snapshot.</param>
/// <param name="Expected">The point forecast (output so far plus the mean simulated rest).</param>
/// <param name="Lower">The lower end of the 90 % prediction interval (5th percentile).</param>
/// <param name="Upper">The upper end of the 90 % prediction interval (95th percentile).</param>
/// <param name="Target">The shift target, or <see langword="null"/>.</param>
/// <param name="ProbabilityOfTarget">The share of replications that meet the target, or <see langword="null"/> without a target.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.OutputForecastView")]
public sealed record OutputForecastView(
    [property: Id(0)] long SoFar,
    [property: Id(1)] double Expected,
    [property: Id(2)] double Lower,
    [property: Id(3)] double Upper,
    [property: Id(4)] int? Target,
    [property: Id(5)] double? ProbabilityOfTarget);
