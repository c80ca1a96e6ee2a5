using System.Globalization;
using BenchmarkDotNet.Attributes;
using FactoryTwin.Analytics.Sequencing;

namespace FactoryTwin.Benchmarks.Sequencing;

/// <summary>
/// A paint-shop day: 1,000 bodies, 12 colours, 5 options with the CSPLib 001 ratios (1/2, 2/3, 1/3, 2/5, 1/5, hard),
/// colour batches of at most 20 (hard), every body due by the end of its shift (3 shifts, hard), released shift by shift
/// in a shuffled order (first come, first served). The generator builds a sequence that keeps every rule first, so a
/// solution with 0 violations exists. <c>FirstComeFirstServed</c> evaluates the release order (the baseline);
/// <c>Greedy</c> is the constructive heuristic alone; <c>CpSat</c> is the whole sequencer with a 9 s limit on 2 workers.
/// The colour changes and violations of each are printed at the end of the run (GlobalCleanup).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 3, invocationCount: 1)]
public class PaintSequencingBenchmarks
{
    private SequencingProblem _problem = null!;
    private int[] _given = null!;
    private SequencingResult? _last;
    private SequenceEvaluation? _greedy;

    [GlobalSetup]
    public void Setup()
    {
        (_problem, _) = SequencingDayGenerator.Generate(1000, 12, 20, SequencingDayGenerator.CspLibRatios, 3, 42);
        _given = [.. Enumerable.Range(0, _problem.Bodies.Count)];
    }

    [Benchmark(Baseline = true)]
    public long FirstComeFirstServed() => SequenceEvaluator.Evaluate(_problem, _given).Cost;

    [Benchmark]
    public long Greedy()
    {
        var classes = SequencingClasses.Build(_problem);
        _greedy = SequenceEvaluator.Evaluate(_problem, classes, classes.ToBodies(GreedySequencer.Complete(_problem, classes, [])));
        return _greedy.Cost;
    }

    [Benchmark]
    public long CpSat()
    {
        _last = PaintSequencer.Sequence(_problem, new SequencingOptions { TimeLimit = TimeSpan.FromSeconds(9), Workers = 2 });
        return _last.Objective;
    }

    [GlobalCleanup]
    public void Report()
    {
        if (_last is { } r)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// sequencing: {r.Status}, {r.Classes} classes, {r.Windows} windows, {r.Elapsed.TotalSeconds:0.00} s, objective {r.Objective}, bound {r.BestBound}, gap {r.Gap:P1}"));
            Print("FCFS", r.Baseline);
            Print("greedy", r.Heuristic);
            Print("CP-SAT", r.Evaluation);
        }

        if (_greedy is { } g)
        {
            Print("greedy alone", g);
        }
    }

    private static void Print(string name, SequenceEvaluation e) => Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"// {name}: colour changes {e.ColourChanges}, longest batch {e.LongestBatch}, batch violations {e.BatchViolations}, option violations {string.Join('/', e.Options.Select(o => o.Violations))}, late bodies {e.LateBodies}, hard violations {e.HardViolations}, cost {e.Cost}"));
}
