using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Replications;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Simulation.Tests.Replications;

public sealed class ReplicationRunnerTests
{
    private const int Replications = 20;

    private static ReplicationSet Run(LineModel model, SimulationOptions options, int replications, int dop = -1) =>
        ReplicationRunner.Run(model, options, replications, dop, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void Run_MM1_UtilizationAndTimeInSystemMatchTheory()
    {
        // λ = 0.8/s, μ = 1/s: ρ = 0.8, W = 1/(μ − λ) = 5 s.
        var b = new LineBuilder();
        var src = b.AddSource("in", new SourceOptions { InterArrivalTime = Distribution.Exponential(1.25) });
        var q = b.AddBuffer("Q", LineBuilder.Unbounded);
        var s = b.AddStation("S", new StationOptions { ProcessingTime = Distribution.Exponential(1) });
        b.Chain(src, q, s, b.AddSink("out"));
        var set = Run(b.Build(), TestLines.Options(end: 2000 + 50_000, warmUp: 2000, seed: 2024), Replications);

        var utilization = set.Station("S", st => st.Working);
        var w = set.LeadTimeMean;
        var l = set.MeanWip;
        Assert.True(utilization.Contains(0.8), $"utilization {utilization}");
        Assert.True(w.Contains(5.0), $"W {w}");
        Assert.True(l.Contains(4.0), $"L {l}"); // L = ρ/(1 − ρ)
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Run_TwoExponentialStationsWithBuffer_HuntThroughput(int buffer)
    {
        // Blocking after service, saturated first station: with B = buffer slots between the machines (the
        // parts on the machines not counted), the line is a birth–death chain on B + 3 equally likely states
        // and X = μ(B + 2)/(B + 3) (Hunt 1956).
        var exp = new StationOptions { ProcessingTime = Distribution.Exponential(1) };
        var model = TestLines.Serial(buffer, ("S1", exp), ("S2", exp));
        var set = Run(model, TestLines.Options(end: 200 + 30_000, warmUp: 200, seed: 7), Replications);
        var perSecond = set.Summarize(r => r.ThroughputPerHour / 3600);
        double expected = (buffer + 2.0) / (buffer + 3.0);
        Assert.True(perSecond.Contains(expected), $"B={buffer}: {perSecond} vs {expected}");
    }

    [Fact]
    public void Run_SerialLineReversed_ThroughputUnchanged()
    {
        (string, StationOptions)[] stations =
        [
            ("A", new StationOptions { ProcessingTime = Distribution.Exponential(50) }),
            ("B", new StationOptions { ProcessingTime = Distribution.LogNormal(60, 0.6) }),
            ("C", new StationOptions { ProcessingTime = Distribution.Triangular(20, 40, 75) }),
            ("D", new StationOptions { ProcessingTime = Distribution.Exponential(45) }),
        ];
        var forward = TestLines.Serial(2, stations);
        var reversed = TestLines.Serial(2, [.. stations.Reverse()]);
        var options = TestLines.Options(end: 3600 + (100 * 3600), warmUp: 3600, seed: 11);
        var a = Run(forward, options, Replications);
        var c = Run(reversed, options, Replications);

        var difference = Estimate.From(Enumerable.Range(0, Replications)
            .Select(i => a.Results[i].ThroughputPerHour - c.Results[i].ThroughputPerHour).ToArray());
        Assert.True(difference.Contains(0), $"difference {difference}");
    }

    [Fact]
    public void Run_StationDownHalfTheTime_ProducesHalf()
    {
        var station = new StationOptions
        {
            ProcessingTime = Distribution.Constant(10),
            Failures = new FailureModel(Distribution.Exponential(500), Distribution.Exponential(500), FailureClock.Operating),
        };
        var model = TestLines.Serial(0, ("S", station));
        var set = Run(model, TestLines.Options(end: 200_000, seed: 5), 60);

        var reliable = new LineSimulation(TestLines.Serial(0, ("S", station with { Failures = null })), TestLines.Options(end: 200_000));
        reliable.Run();
        double full = reliable.GetResult().ThroughputPerHour;
        Assert.Equal(360, full, 0.02); // one 10 s part per 10 s, the last one ends exactly at the horizon
        Assert.True(set.ThroughputPerHour.Contains(360.0 / 2), $"throughput {set.ThroughputPerHour} down {set.Station("S", s => s.Down)} work {set.Station("S", s => s.Working)}");
        Assert.True(set.Station("S", s => s.Down).Contains(0.5), $"down {set.Station("S", s => s.Down)}");
    }

    [Fact]
    public void Run_DifferentThreadCounts_BitIdenticalResults()
    {
        var model = TestLines.Rich();
        var options = TestLines.Options(end: 30_000, warmUp: 2000, seed: 99) with { WipSampleInterval = 900 };
        var one = Run(model, options, 6, dop: 1);
        var two = Run(model, options, 6, dop: 2);
        var all = Run(model, options, 6, dop: 4);
        for (int i = 0; i < 6; i++)
        {
            var expected = TestLines.Figures(one.Results[i]);
            Assert.Equal(expected, TestLines.Figures(two.Results[i]));
            Assert.Equal(expected, TestLines.Figures(all.Results[i]));
        }

        Assert.Equal(one.ThroughputPerHour, all.ThroughputPerHour);
        Assert.NotEqual(TestLines.Figures(one.Results[0]), TestLines.Figures(one.Results[1]));
    }

    [Fact]
    public void Run_SameElementNamesInAnotherOrder_SharesRandomNumbers()
    {
        // Streams are keyed by name: adding an unrelated element does not change S's draws (common random numbers).
        var s = new StationOptions { ProcessingTime = Distribution.Exponential(30) };
        var plain = TestLines.Serial(0, ("S", s));
        var b = new LineBuilder();
        var other = b.AddSource("other", new SourceOptions { InterArrivalTime = Distribution.Exponential(5) });
        b.Connect(other, b.AddSink("other-out"));
        var src = b.AddSource("in");
        var st = b.AddStation("S", s);
        b.Chain(src, st, b.AddSink("out"));
        var options = TestLines.Options(end: 10_000);
        var a = Run(plain, options, 3);
        var c = Run(b.Build(), options, 3);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(a.Results[i].Station("S").Processed, c.Results[i].Station("S").Processed);
        }
    }

    [Fact]
    public void Run_FromSnapshot_SameFutureAsUninterruptedRun()
    {
        var model = TestLines.Rich();
        const double t0 = 3.9 * 3600, end = t0 + 1800;
        const int n = 30;
        var continued = new double[n];
        var resumed = new double[n];
        var cold = new double[n];
        var continuedOutput = new double[n];
        var resumedOutput = new double[n];
        Parallel.For(0, n, i =>
        {
            var sim = new LineSimulation(model, TestLines.Options(end, warmUp: t0, seed: 314), i);
            sim.RunUntil(t0);
            var snapshot = sim.CaptureSnapshot();
            sim.Run();
            var r = sim.GetResult();

            // Resume on other streams (replication n + i): the future must match in distribution only.
            var warm = new LineSimulation(model, TestLines.Options(end, seed: 314), n + i, snapshot);
            warm.Run();
            var w = warm.GetResult();
            var empty = new LineSimulation(model, TestLines.Options(end, seed: 314), n + i, snapshot with { Elements = [] });
            empty.Run();
            (continued[i], resumed[i], cold[i]) = (r.MeanWip, w.MeanWip, empty.GetResult().MeanWip);
            (continuedOutput[i], resumedOutput[i]) = (r.Output, w.Output);
        });

        var wipDifference = Estimate.From(continued.Zip(resumed, (x, y) => x - y).ToArray());
        var outputDifference = Estimate.From(continuedOutput.Zip(resumedOutput, (x, y) => x - y).ToArray());
        var coldDifference = Estimate.From(continued.Zip(cold, (x, y) => x - y).ToArray());
        Assert.True(wipDifference.Contains(0), $"WIP difference {wipDifference}");
        Assert.True(outputDifference.Contains(0), $"output difference {outputDifference}");
        Assert.False(coldDifference.Contains(0), $"a cold start should differ: {coldDifference}"); // the test has power
    }

    [Fact]
    public void Run_SteppedReplications_SameResultsAsRunInOneGo()
    {
        var model = TestLines.Rich();
        var options = TestLines.Options(end: 3600 + (8 * 3600), warmUp: 3600, seed: 5);
        var whole = new Recorder(6, 0);
        var stepped = new Recorder(6, 13);

        ReplicationRunner.Run(model, options, new ReplicationOptions { Replications = 6 }, whole, cancellationToken: TestContext.Current.CancellationToken);
        ReplicationRunner.Run(
            model,
            options,
            new ReplicationOptions { Replications = 6, StepInterval = 2400, StepCount = 13, SteppedReplications = 4 },
            stepped,
            cancellationToken: TestContext.Current.CancellationToken);

        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(TestLines.Figures(whole.Results[i]), TestLines.Figures(stepped.Results[i]));
        }
    }

    [Fact]
    public void Run_Steps_EndOnTheGridFromTheWindowStartAndStopAtTheEnd()
    {
        var recorder = new Recorder(3, 4);

        ReplicationRunner.Run(
            TestLines.Rich(),
            TestLines.Options(end: 1000 + 3500, warmUp: 1000),
            new ReplicationOptions { Replications = 3, StepInterval = 1000, StepCount = 4, SteppedReplications = 2 },
            recorder,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([2000, 3000, 4000, 4500], recorder.StepTimes[0]);
        Assert.Equal([2000, 3000, 4000, 4500], recorder.StepTimes[1]);
        Assert.All(recorder.StepTimes[2], t => Assert.True(double.IsNaN(t)));
        Assert.Equal(recorder.Results[0].Output, recorder.Outputs[0][^1]);
    }

    [Fact]
    public void Run_OneThreadOrAll_ObserverSeesTheSameFigures()
    {
        var model = TestLines.Rich();
        var options = TestLines.Options(end: 6 * 3600, seed: 9);
        var plan = new ReplicationOptions { Replications = 8, StepInterval = 1800, StepCount = 12, SteppedReplications = 5 };
        var one = new Recorder(8, 12);
        var all = new Recorder(8, 12);

        ReplicationRunner.Run(model, options, plan with { MaxDegreeOfParallelism = 1 }, one, cancellationToken: TestContext.Current.CancellationToken);
        ReplicationRunner.Run(model, options, plan, all, cancellationToken: TestContext.Current.CancellationToken);

        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(one.Outputs[i], all.Outputs[i]);
            Assert.Equal(TestLines.Figures(one.Results[i]), TestLines.Figures(all.Results[i]));
        }
    }

    [Fact]
    public void Run_ReplicationRanges_SameFiguresAndStepsAsTheWholeRun()
    {
        var model = TestLines.Rich();
        var options = TestLines.Options(end: 6 * 3600, seed: 11);
        var plan = new ReplicationOptions { Replications = 9, StepInterval = 1800, StepCount = 12, SteppedReplications = 5 };
        var whole = new Recorder(9, 12);
        var pieces = new Recorder(9, 12);

        ReplicationRunner.Run(model, options, plan, whole, cancellationToken: TestContext.Current.CancellationToken);
        foreach (var (first, count) in new[] { (6, 3), (0, 4), (4, 2) })
        {
            ReplicationRunner.Run(model, options, plan with { FirstReplication = first, Replications = count }, pieces, cancellationToken: TestContext.Current.CancellationToken);
        }

        for (int i = 0; i < 9; i++)
        {
            Assert.Equal(i, pieces.Results[i].Replication);
            Assert.Equal(whole.StepTimes[i], pieces.StepTimes[i]);
            Assert.Equal(whole.Outputs[i], pieces.Outputs[i]);
            Assert.Equal(TestLines.Figures(whole.Results[i]), TestLines.Figures(pieces.Results[i]));
        }

        // Stepping counts from replication 0: replication 5 is not stepped even though it opens the range 4..5 late.
        Assert.All(pieces.StepTimes[5], t => Assert.True(double.IsNaN(t)));
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(int.MaxValue, 2)]
    public void Run_ReplicationRangeOutOfBounds_Throws(int first, int count)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ReplicationRunner.Run(
            TestLines.Rich(),
            TestLines.Options(end: 3600),
            new ReplicationOptions { FirstReplication = first, Replications = count },
            new Recorder(1, 0),
            cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("FirstReplication", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StepsWithoutAnInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReplicationRunner.Run(
            TestLines.Rich(),
            TestLines.Options(end: 3600),
            new ReplicationOptions { StepCount = 3 },
            new Recorder(1, 3),
            cancellationToken: TestContext.Current.CancellationToken));
    }

    /// <summary>Keeps each replication's result and, at each step, the time and the output so far.</summary>
    private sealed class Recorder : IReplicationObserver
    {
        public Recorder(int replications, int steps)
        {
            Results = new ReplicationResult[replications];
            StepTimes = new double[replications][];
            Outputs = new long[replications][];
            for (int i = 0; i < replications; i++)
            {
                StepTimes[i] = Enumerable.Repeat(double.NaN, steps).ToArray();
                Outputs[i] = new long[steps];
            }
        }

        public ReplicationResult[] Results { get; }

        public double[][] StepTimes { get; }

        public long[][] Outputs { get; }

        public void OnStep(int replication, int stepIndex, LineSimulation simulation)
        {
            StepTimes[replication][stepIndex] = simulation.Now;
            Outputs[replication][stepIndex] = simulation.OutputCount;
        }

        public void OnFinished(int replication, ReplicationResult result) => Results[replication] = result;
    }
}
