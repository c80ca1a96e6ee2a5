namespace FactoryTwin.VirtualPlant;

/// <summary>The outcome of a finished virtual plant run.</summary>
/// <param name="Status">The counters at the end (after the buffers drained, or gave up).</param>
/// <param name="WallSeconds">Wall-clock seconds the run took, draining included.</param>
/// <param name="MessagesPerSecond">Published messages per wall-clock second.</param>
/// <param name="PointsPerSecond">Published sensor values per wall-clock second.</param>
/// <param name="GroundTruthEvents">Events written to the ground-truth file (0 without one).</param>
/// <param name="Disturbances">Disturbances that were injected.</param>
/// <param name="Drained">Whether every buffered message was published before the end.</param>
public sealed record VirtualPlantSummary(
    VirtualPlantStatus Status,
    double WallSeconds,
    double MessagesPerSecond,
    double PointsPerSecond,
    long GroundTruthEvents,
    int Disturbances,
    bool Drained);
