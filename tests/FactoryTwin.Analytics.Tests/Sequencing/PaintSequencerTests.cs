using FactoryTwin.Analytics.Sequencing;

namespace FactoryTwin.Analytics.Tests.Sequencing;

public sealed class PaintSequencerTests
{
    private static readonly SequencingOptions Quick = new() { TimeLimit = TimeSpan.FromSeconds(20), Workers = 2 };

    private static SequencingProblem Dincbas() =>
        CspLibReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "Sequencing", "Resources", "dincbas.txt")).Instance!.ToProblem();

    [Fact]
    public void Checker_PublishedDincbasSolution_HasNoViolations()
    {
        // The solution printed with CSPLib problem 001: classes 0 1 5 2 4 3 3 4 2 5.
        var problem = Dincbas();
        int[] classes = [0, 1, 5, 2, 4, 3, 3, 4, 2, 5];
        var used = new HashSet<string>();
        var sequence = classes.Select(c => problem.Bodies.First(b => b.Id.StartsWith($"c{c}-", StringComparison.Ordinal) && used.Add(b.Id))).ToList();

        var counts = IndependentChecker.Check(sequence, problem.Rules);

        Assert.Equal(0, counts.OptionTotal);
    }

    [Fact]
    public void Checker_ClassOrderOfDincbas_CountsViolationsTheEvaluatorCounts()
    {
        // The file order (class by class) breaks the ratios: the checker and the evaluator must agree on how often.
        var problem = Dincbas();

        var counts = IndependentChecker.Check(problem.Bodies, problem.Rules);
        var evaluation = SequenceEvaluator.Evaluate(problem, Enumerable.Range(0, 10).ToArray());

        Assert.True(counts.OptionTotal > 0);
        Assert.Equal(counts.OptionTotal, evaluation.OptionViolations);
        Assert.Equal(problem.Rules.Options.Select(r => counts.OptionExcess[r.Option]), evaluation.Options.Select(o => o.Violations));
    }

    [Fact]
    public void Sequence_DincbasExample_IsProvenOptimalWithNoViolations()
    {
        var problem = Dincbas();

        var result = PaintSequencer.Sequence(problem, Quick, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SequencingStatus.Optimal, result.Status);
        Assert.Equal(problem.Bodies.Select(b => b.Id).Order(), result.Sequence.Select(b => b.Id).Order());
        var counts = IndependentChecker.Check(result.Sequence, problem.Rules);
        Assert.Equal(0, counts.OptionTotal);
        Assert.Equal(0, result.Evaluation.HardViolations);
        Assert.True(result.Baseline.OptionViolations > 0);
        Assert.Equal(0, result.Gap);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sequence_GeneratedDayWithKnownFeasibleSequence_KeepsEveryHardRule(int seed)
    {
        var (problem, known) = SequencingDayGenerator.Generate(40, 3, 8, SequencingDayGenerator.CspLibRatios, 2, seed);
        var knownCounts = IndependentChecker.Check([.. known.Select(i => problem.Bodies[i])], problem.Rules);
        Assert.Equal(0, IndependentChecker.Hard(knownCounts, problem.Rules));

        var result = PaintSequencer.Sequence(problem, new SequencingOptions { TimeLimit = TimeSpan.FromSeconds(5) }, cancellationToken: TestContext.Current.CancellationToken);

        var counts = IndependentChecker.Check(result.Sequence, problem.Rules);
        Assert.True(result.Status is SequencingStatus.Optimal or SequencingStatus.Feasible, result.Message);
        Assert.Equal(0, IndependentChecker.Hard(counts, problem.Rules));
        Assert.Equal(counts.ColourChanges, result.Evaluation.ColourChanges);
        Assert.Equal(counts.OptionTotal, result.Evaluation.OptionViolations);
        Assert.Equal(counts.LateBodies, result.Evaluation.LateBodies);
        Assert.True(result.Objective >= result.BestBound);
        if (result.Status == SequencingStatus.Optimal)
        {
            Assert.True(counts.ColourChanges <= knownCounts.ColourChanges, $"{counts.ColourChanges} changes, the known sequence has {knownCounts.ColourChanges}");
        }
    }

    [Fact]
    public void Sequence_LargeDayInRollingWindows_CountsWhatTheCheckerCountsAndBeatsFirstComeFirstServed()
    {
        // 12 colours × up to 32 option sets: more classes × positions than one model takes.
        var (problem, _) = SequencingDayGenerator.Generate(300, 12, 15, SequencingDayGenerator.CspLibRatios, 3, 7);
        var options = new SequencingOptions { TimeLimit = TimeSpan.FromSeconds(4), Workers = 2 };

        var result = PaintSequencer.Sequence(problem, options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True((long)problem.Bodies.Count * result.Classes > PaintSequencer.FullModelLimit);
        Assert.True(result.Windows >= 1);
        Assert.Equal(problem.Bodies.Select(b => b.Id).Order(), result.Sequence.Select(b => b.Id).Order());
        var counts = IndependentChecker.Check(result.Sequence, problem.Rules);
        var baseline = IndependentChecker.Check(problem.Bodies, problem.Rules);
        Assert.Equal(baseline.ColourChanges, result.Baseline.ColourChanges);
        Assert.Equal(IndependentChecker.Hard(baseline, problem.Rules), result.Baseline.HardViolations);
        Assert.Equal(counts.ColourChanges, result.Evaluation.ColourChanges);
        Assert.Equal(IndependentChecker.Hard(counts, problem.Rules), result.Evaluation.HardViolations);
        Assert.Equal(result.Evaluation.HardViolations == 0, result.Status == SequencingStatus.Feasible);
        Assert.True(result.Evaluation.HardViolations < result.Baseline.HardViolations / 10);
        Assert.True(counts.ColourChanges < baseline.ColourChanges / 3);
        Assert.True(result.BestBound <= result.Objective);

        // Never worse than the greedy sequence the windows were seeded with.
        Assert.True(
            (result.Evaluation.HardViolations, result.Evaluation.Cost).CompareTo((result.Heuristic.HardViolations, result.Heuristic.Cost)) <= 0,
            $"the result ({result.Evaluation.HardViolations} hard, cost {result.Evaluation.Cost}) is worse than the greedy start ({result.Heuristic.HardViolations} hard, cost {result.Heuristic.Cost})");
    }

    [Fact]
    public void Sequence_SmallSoftProblem_ReachesTheBruteForceOptimum()
    {
        // 7 bodies, 3 colours, a soft batch limit and soft ratios with weights: every permutation is tried by hand.
        SequencingBody[] bodies =
        [
            new("a", "R", ["s"]), new("b", "R", ["s", "t"]), new("c", "R", []), new("d", "B", ["s"]),
            new("e", "B", ["t"]), new("f", "G", ["s"]), new("g", "R", ["t"]),
        ];
        var rules = new SequencingRules
        {
            ColourChangeWeight = 3,
            MaxBatchLength = 2,
            BatchMode = ConstraintMode.Soft,
            BatchWeight = 2,
            Options = [new OptionRatio("s", 1, 2, ConstraintMode.Soft, 2), new OptionRatio("t", 1, 3, ConstraintMode.Soft, 1)],
        };
        var problem = new SequencingProblem(bodies, rules);

        var best = Permutations(bodies).Min(p => IndependentChecker.CostWithoutDues(IndependentChecker.Check(p, rules), rules));
        var result = PaintSequencer.Sequence(problem, Quick, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SequencingStatus.Optimal, result.Status);
        Assert.Equal(best, result.Objective);
        Assert.Equal(best, IndependentChecker.CostWithoutDues(IndependentChecker.Check(result.Sequence, rules), rules));
    }

    [Fact]
    public void Sequence_HardDues_PaintsEveryBodyByItsDue()
    {
        // FCFS paints the blue body last; it is due at position 2, and colour changes pull the other way.
        SequencingBody[] bodies = [new("r1", "R", []), new("r2", "R", []), new("r3", "R", []), new("b1", "B", [], 2)];
        var problem = new SequencingProblem(bodies, new SequencingRules { DueMode = ConstraintMode.Hard });

        var result = PaintSequencer.Sequence(problem, Quick, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SequencingStatus.Optimal, result.Status);
        Assert.Equal(0, IndependentChecker.Check(result.Sequence, problem.Rules).LateBodies);
        Assert.Equal(1, result.Baseline.LateBodies);
        Assert.Equal(1, result.Evaluation.ColourChanges);
    }

    [Fact]
    public void Sequence_SoftDue_TradesLatenessAgainstColourChanges()
    {
        // Meeting the due costs one extra colour change (weight 5) against one late body at one due point (weight 1).
        // r1 is due first and b1 second: painting both on time needs R B R R (two changes).
        SequencingBody[] bodies = [new("r1", "R", [], 1), new("b1", "B", [], 2), new("r2", "R", []), new("r3", "R", [])];
        var rules = new SequencingRules { ColourChangeWeight = 5, DueWeight = 1 };

        var result = PaintSequencer.Sequence(new SequencingProblem(bodies, rules), Quick, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SequencingStatus.Optimal, result.Status);
        Assert.Equal(1, result.Evaluation.ColourChanges);
        Assert.Equal(1, result.Evaluation.LateBodies);
        Assert.Equal(6, result.Objective);
    }

    [Fact]
    public void Sequence_HardRatioNoSequenceCanKeep_IsInfeasible()
    {
        // Three bodies with an option allowed once in any two consecutive positions.
        SequencingBody[] bodies = [new("a", "R", ["x"]), new("b", "R", ["x"]), new("c", "R", ["x"])];
        var problem = new SequencingProblem(bodies, new SequencingRules { Options = [new OptionRatio("x", 1, 2)] });

        var result = PaintSequencer.Sequence(problem, Quick, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SequencingStatus.Infeasible, result.Status);
        Assert.Equal(IndependentChecker.Check(result.Sequence, problem.Rules).OptionTotal, result.Evaluation.HardViolations);
        Assert.Equal(3, result.Sequence.Count);
    }

    [Fact]
    public void Sequence_SameRatioSoft_CountsTheUnavoidableViolations()
    {
        SequencingBody[] bodies = [new("a", "R", ["x"]), new("b", "R", ["x"]), new("c", "R", ["x"]), new("d", "R", [])];
        var problem = new SequencingProblem(bodies, new SequencingRules { Options = [new OptionRatio("x", 1, 2, ConstraintMode.Soft, 4)] });

        var result = PaintSequencer.Sequence(problem, Quick, cancellationToken: TestContext.Current.CancellationToken);

        // x ? x x or x x ? x: three windows of two, one holds two x: one violation at weight 4.
        Assert.Equal(SequencingStatus.Optimal, result.Status);
        Assert.Equal(1, IndependentChecker.Check(result.Sequence, problem.Rules).OptionTotal);
        Assert.Equal(4, result.Objective);
    }

    [Fact]
    public void Sequence_HardBatchLimit_SplitsLongColourRuns()
    {
        var bodies = Enumerable.Range(1, 7).Select(i => new SequencingBody($"r{i}", "R", [])).Append(new SequencingBody("b1", "B", [])).Append(new SequencingBody("b2", "B", [])).ToArray();
        var problem = new SequencingProblem(bodies, new SequencingRules { MaxBatchLength = 3 });

        var result = PaintSequencer.Sequence(problem, Quick, cancellationToken: TestContext.Current.CancellationToken);

        var counts = IndependentChecker.Check(result.Sequence, problem.Rules);
        Assert.Equal(SequencingStatus.Optimal, result.Status);
        Assert.Equal(0, counts.BatchExcess);
        Assert.Equal(3, result.Evaluation.LongestBatch);
        // 7 reds need 3 batches and the 2 blues separate them (R R R B R R R B R): 5 batches, 4 changes.
        Assert.Equal(4, counts.ColourChanges);
    }

    [Fact]
    public void Sequence_OneColourLongerThanAHardBatchLimit_IsInfeasible()
    {
        var bodies = Enumerable.Range(1, 5).Select(i => new SequencingBody($"r{i}", "R", [])).ToArray();
        var problem = new SequencingProblem(bodies, new SequencingRules { MaxBatchLength = 3 });

        var result = PaintSequencer.Sequence(problem, Quick, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SequencingStatus.Infeasible, result.Status);
        Assert.Equal(2, IndependentChecker.Check(result.Sequence, problem.Rules).BatchExcess);
        Assert.Equal(2, result.Evaluation.HardViolations);
    }

    [Theory]
    [InlineData("dup")]
    [InlineData("ratio")]
    [InlineData("due")]
    [InlineData("batch")]
    public void Validate_BadProblem_SaysWhatIsWrong(string what)
    {
        SequencingBody[] bodies = what == "dup"
            ? [new("a", "R", []), new("a", "R", [])]
            : [new("a", "R", [], what == "due" ? 0 : null)];
        var rules = new SequencingRules
        {
            Options = what == "ratio" ? [new OptionRatio("x", 3, 2)] : [],
            MaxBatchLength = what == "batch" ? 0 : null,
        };

        var errors = new SequencingProblem(bodies, rules).Validate();

        Assert.Single(errors);
        Assert.Throws<ArgumentException>(() => PaintSequencer.Sequence(new SequencingProblem(bodies, rules), Quick, cancellationToken: TestContext.Current.CancellationToken));
    }

    private static IEnumerable<SequencingBody[]> Permutations(SequencingBody[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
