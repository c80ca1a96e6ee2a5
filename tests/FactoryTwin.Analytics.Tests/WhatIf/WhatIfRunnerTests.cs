using FactoryTwin.Analytics.WhatIf;
using FactoryTwin.Model.Distributions;
using FactoryTwin.Model.Ids;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Analytics.Tests.WhatIf;

public sealed class WhatIfRunnerTests
{
    private static readonly WhatIfScenario BiggerBuffer = new("bigger buffer", [new BufferCapacityChange(new AssetId("buffer-ab"), 8)]);

    [Fact]
    public void Run_ZeroChange_EveryDifferenceIsExactlyZero()
    {
        // Setting the buffer to the capacity it has is a change that changes nothing: with common random numbers each
        // replication pair is the same run, so every paired difference is exactly 0.
        var same = new WhatIfScenario("same", [new BufferCapacityChange(new AssetId("buffer-ab"), 5)]);

        var result = WhatIfRunner.Run(TestPlants.TwoStations, [same], new WhatIfOptions { Replications = 20 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(result.Scenarios[0].Differences, d =>
        {
            Assert.Equal(0.0, d.Difference);
            Assert.Equal(0.0, d.HalfWidth);
            Assert.False(d.Significant);
            Assert.Null(d.VarianceReduction);
            Assert.Equal(d.Baseline, d.Scenario);
        });
    }

    [Fact]
    public void Run_CommonRandomNumbers_NarrowTheIntervalOfTheDifference()
    {
        const int n = 100;
        var options = new WhatIfOptions { Replications = n, Seed = 11 };

        var paired = WhatIfRunner.Run(TestPlants.TwoStations, [BiggerBuffer], options, cancellationToken: TestContext.Current.CancellationToken).Scenarios[0].Difference("throughput");

        // The same comparison from independent runs: the scenario on other random numbers (seed 12) than the baseline (seed 11).
        var run = new PlantRunOptions { Seed = 11, WarmUp = options.WarmUp, Duration = options.Duration, Replications = n };
        var baseline = PlantSimulationBuilder.Build(TestPlants.TwoStations).Run(run, cancellationToken: TestContext.Current.CancellationToken).ThroughputPerHour;
        var scenario = PlantSimulationBuilder.Build(BiggerBuffer.Apply(TestPlants.TwoStations)).Run(run with { Seed = 12 }, cancellationToken: TestContext.Current.CancellationToken).ThroughputPerHour;
        double t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, n - 1, 0.975);
        double independentHalfWidth = t * Math.Sqrt(((baseline.StandardDeviation * baseline.StandardDeviation) + (scenario.StandardDeviation * scenario.StandardDeviation)) / n);

        Assert.True(paired.HalfWidth < independentHalfWidth / 2, $"paired ±{paired.HalfWidth:0.000}, independent ±{independentHalfWidth:0.000}");
        Assert.True(paired.VarianceReduction > 4, $"variance reduction factor {paired.VarianceReduction:0.0}");
        Assert.True(paired.Difference > 0 && paired.Significant, $"difference {paired.Difference:0.000} ± {paired.HalfWidth:0.000}");
    }

    [Fact]
    public void Run_ChangeOnOneLine_LeavesTheOtherLinesRandomNumbersAlone()
    {
        // Streams are keyed by element: a slower station on line b must not reshuffle what line a draws, so line a's
        // output is identical in every replication pair while line b's moves.
        var plant = TestPlants.Parse(TwoLines);
        var slower = new WhatIfScenario("slower b2", [new StationChange(new AssetId("b2")) { ProcessingTime = new ExponentialDistribution(58) }]);

        var result = WhatIfRunner.Run(plant, [slower], new WhatIfOptions { Replications = 30 }, cancellationToken: TestContext.Current.CancellationToken);

        var a = result.Scenarios[0].Difference("line-output:a");
        var b = result.Scenarios[0].Difference("line-output:b");
        Assert.Equal(0.0, a.Difference);
        Assert.Equal(0.0, a.HalfWidth);
        Assert.True(b.Difference < 0 && b.Significant, $"line b {b.Difference:0.0} ± {b.HalfWidth:0.0}");
    }

    [Fact]
    public void Run_SeveralScenarios_OneColumnEachInOrder()
    {
        var faster = new WhatIfScenario("faster B", [new StationChange(new AssetId("station-b")) { ProcessingTime = new ExponentialDistribution(45) }]);

        var result = WhatIfRunner.Run(TestPlants.TwoStations, [BiggerBuffer, faster], new WhatIfOptions { Replications = 20 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["bigger buffer", "faster B"], result.Scenarios.Select(s => s.Scenario));
        Assert.Equal(result.Kpis.Select(k => k.Key), result.Scenarios[1].Differences.Select(d => d.Kpi));
        Assert.Equal(result.Scenarios[0].Difference("throughput").Baseline, result.Scenarios[1].Difference("throughput").Baseline);
        Assert.Contains("station station-b: processing time mean 55 s → 45 s", result.Scenarios[1].Changes);
        Assert.Equal(20, result.Replications);
    }

    [Fact]
    public void Run_FromSnapshot_RunsToTheShiftEndOnTheSameClock()
    {
        var plant = TestPlants.Automotive;
        var shift = new Forecasting.SimulatedShift(PlantSimulationBuilder.Build(plant), seed: 3, snapshotTime: 11 * 3600);
        var same = new WhatIfScenario("same", [new BufferCapacityChange(new AssetId("closures-buffer"), 6)]);
        var bigger = new WhatIfScenario("bigger", [new BufferCapacityChange(new AssetId("closures-buffer"), 12)]);

        var result = WhatIfRunner.Run(plant, [same, bigger], new WhatIfOptions { Replications = 10, Start = shift.Snapshot }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.FromSnapshot);
        Assert.Equal(11 * 3600, result.WindowStart, 6);
        Assert.Equal(Forecasting.SimulatedShift.ShiftEnd, result.WindowEnd, 6);
        Assert.All(result.Scenarios[0].Differences, d => Assert.Equal(0.0, d.Difference));
    }

    [Fact]
    public void Run_ScenarioForAnotherPlant_NamesTheElement()
    {
        var other = new WhatIfScenario("other", [new BufferCapacityChange(new AssetId("closures-buffer"), 8)]);

        var ex = Assert.Throws<ArgumentException>(() => WhatIfRunner.Run(TestPlants.TwoStations, [other], new WhatIfOptions { Replications = 2 }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("closures-buffer", ex.Message, StringComparison.Ordinal);
    }

    private const string TwoLines = $$"""
        {{TestPlants.LabPlantHeader}}
        areas:
          - id: shop
            name: Shop
            lines:
              - id: a
                name: Line A
                calendar: always
                sources:
                  - { id: a-in, name: A in, interArrival: { dist: exponential, mean: 60 s }, next: a1 }
                stations:
                  - { id: a1, name: A1, kind: manual, processingTime: { dist: exponential, mean: 50 s }, next: a-buf }
                  - { id: a2, name: A2, kind: manual, processingTime: { dist: exponential, mean: 52 s }, next: a-out }
                buffers:
                  - { id: a-buf, name: A buffer, capacity: 3, next: a2 }
                sinks:
                  - { id: a-out, name: A out }
              - id: b
                name: Line B
                calendar: always
                sources:
                  - { id: b-in, name: B in, interArrival: { dist: exponential, mean: 60 s }, next: b1 }
                stations:
                  - { id: b1, name: B1, kind: manual, processingTime: { dist: exponential, mean: 50 s }, next: b-buf }
                  - { id: b2, name: B2, kind: manual, processingTime: { dist: exponential, mean: 52 s }, next: b-out }
                buffers:
                  - { id: b-buf, name: B buffer, capacity: 3, next: b2 }
                sinks:
                  - { id: b-out, name: B out }
        """;
}
