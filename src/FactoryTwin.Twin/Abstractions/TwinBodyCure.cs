namespace FactoryTwin.Twin.Abstractions;

/// <summary>
/// The twin's cure prediction of one body inside an oven: the same prediction that raises the under-cure alarm, from
/// the zones' measured air temperatures since the body entered.
/// </summary>
/// <param name="PartId">The body id.</param>
/// <param name="Verdict">The predicted verdict.</param>
/// <param name="WorstPoint">The measuring point with the least margin.</param>
/// <param name="Margin">That point's cure margin (fraction of the window; negative outside it).</param>
/// <param name="PredictedAt">When the prediction was made (the twin's clock, UTC).</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.TwinBodyCure")]
public sealed record TwinBodyCure(
    [property: Id(0)] string PartId,
    [property: Id(1)] TwinCureVerdict Verdict,
    [property: Id(2)] string WorstPoint,
    [property: Id(3)] double Margin,
    [property: Id(4)] DateTimeOffset PredictedAt);
