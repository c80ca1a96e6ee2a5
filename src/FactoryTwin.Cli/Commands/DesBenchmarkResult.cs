namespace FactoryTwin.Cli.Commands;

/// <summary>The figures of <c>bench des</c> (the median round of each measurement).</summary>
/// <param name="Hours">Simulated hours per replication.</param>
/// <param name="Replications">Replications per round.</param>
/// <param name="Rounds">Interleaved measurement rounds.</param>
/// <param name="Events">Timed events executed in the median engine round.</param>
/// <param name="Seconds">Wall-clock seconds of the median engine round.</param>
/// <param name="AllocatedBytesPerEvent">Bytes allocated per event in that round (after warm-up).</param>
/// <param name="BaselineOperations">Hold operations (pop + schedule) in the median baseline round.</param>
/// <param name="BaselineSeconds">Wall-clock seconds of the median baseline round.</param>
/// <param name="HandWrittenSeconds">Wall-clock seconds of the median round of the same replications of the hand-written line.</param>
internal sealed record DesBenchmarkResult(
    double Hours,
    int Replications,
    int Rounds,
    long Events,
    double Seconds,
    double AllocatedBytesPerEvent,
    long BaselineOperations,
    double BaselineSeconds,
    double HandWrittenSeconds)
{
    public double EventsPerSecond => Seconds > 0 ? Events / Seconds : double.PositiveInfinity;

    public double BaselineOperationsPerSecond => BaselineSeconds > 0 ? BaselineOperations / BaselineSeconds : double.PositiveInfinity;

    /// <summary>Gets engine events per second ÷ baseline hold operations per second.</summary>
    public double Ratio => EventsPerSecond / BaselineOperationsPerSecond;

    /// <summary>Gets the engine's time (statistics included) ÷ the hand-written line's time for the same replications (goal ≤ 1.4).</summary>
    public double HandWrittenRatio => HandWrittenSeconds > 0 ? Seconds / HandWrittenSeconds : double.PositiveInfinity;
}
