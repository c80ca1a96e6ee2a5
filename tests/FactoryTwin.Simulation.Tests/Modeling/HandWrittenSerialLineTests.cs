using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Replications;

namespace FactoryTwin.Simulation.Tests.Modeling;

public sealed class HandWrittenSerialLineTests
{
    [Fact]
    public void Run_ConstantTimesNoFailures_OnePartEveryCycleAfterTheFirstPassed()
    {
        // Two 10 s stations: parts leave at 20, 30, …, 90 before 100 s.
        var line = new HandWrittenSerialLine(2, 1, Distribution.Constant(10), Distribution.Constant(1e12), Distribution.Constant(1));

        Assert.Equal(8, line.Run(1, 0, 100));
    }

    [Fact]
    public void Run_ReferenceLine_HasTheEnginesThroughput()
    {
        // The yardstick of bench des must be the same line: 20 replications of 30 days agree within 1 %.
        const double End = 30 * 86_400;
        var line = HandWrittenSerialLine.TenStationWithFailures();
        double hand = Enumerable.Range(0, 20).Average(r => line.Run(1, r, End)) / (End / 3600);

        double engine = ReplicationRunner.Run(ReferenceLines.TenStationWithFailures(), TestLines.Options(End), 20, maxDegreeOfParallelism: 1, cancellationToken: TestContext.Current.CancellationToken).ThroughputPerHour.Mean;

        Assert.InRange(hand, engine * 0.99, engine * 1.01);
    }
}
