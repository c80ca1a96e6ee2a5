namespace FactoryTwin.Plant.Ovens;

/// <summary>The predicted cure of a body: every measurement point, and the body's verdict (its worst point).</summary>
/// <param name="Body">The passage predicted.</param>
/// <param name="ExitTime">When the body left the oven, in seconds on the prediction's time axis.</param>
/// <param name="Points">Each measurement point of the body style.</param>
public sealed record BodyCureResult(BodyPassage Body, double ExitTime, IReadOnlyList<PointCureResult> Points)
{
    /// <summary>Gets the body's verdict: under-cured if any point is, else over-baked if any point is, else OK.</summary>
    public CureVerdict Verdict =>
        Points.Any(p => p.Verdict == CureVerdict.UnderCured) ? CureVerdict.UnderCured
        : Points.Any(p => p.Verdict == CureVerdict.OverBaked) ? CureVerdict.OverBaked
        : CureVerdict.Ok;

    /// <summary>Gets the point with the smallest margin.</summary>
    public PointCureResult WorstPoint => Points.MinBy(p => p.Margin)!;
}
