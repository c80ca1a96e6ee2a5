using System.Globalization;
using Google.OrTools.Sat;

namespace FactoryTwin.Analytics.Sequencing;

/// <summary>
/// Sequences a day of bodies through the paint shop with CP-SAT (Google OR-Tools): fewest colour changes (purges),
/// colour batches no longer than the gun-cleaning limit, assembly option ratios p/q, due positions; each rule hard or
/// soft with a weight. The search starts from the better of the given order and a greedy sequence, stops at the time
/// limit, and says whether the result is proven optimal or how far from the proven bound it may be.
/// </summary>
/// <remarks>
/// A day whose positions × classes fit <see cref="FullModelLimit"/> is one model, which can prove optimality or
/// infeasibility. A larger day (many colour/option combinations) is sequenced in rolling windows: each window is a
/// CP-SAT model of the next positions after the committed ones, seeded with the greedy completion, with hard rules
/// weighted heavily and necessary conditions on the rest of the day; two thirds of it are committed and the next window
/// starts there. Its bound is then the batch-count lower bound on colour changes.
/// </remarks>
public static class PaintSequencer
{
    /// <summary>The most position × class variables solved as one model.</summary>
    public const int FullModelLimit = 40_000;

    /// <summary>The position × class variables of one rolling window.</summary>
    public const int WindowVariables = 16_000;

    /// <summary>Sequences the bodies.</summary>
    /// <param name="problem">The bodies and rules; must be valid (<see cref="SequencingProblem.Validate"/>).</param>
    /// <param name="options">Time limit and workers; <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Told of every better sequence found (on a solver thread).</param>
    /// <param name="cancellationToken">Stops the search; the best sequence so far is returned.</param>
    /// <returns>The sequence, what it costs and breaks, what the solver proved, and the first-come-first-served baseline.</returns>
    /// <exception cref="ArgumentException">The problem is invalid.</exception>
    public static SequencingResult Sequence(
        SequencingProblem problem, SequencingOptions? options = null, IProgress<SequencingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new SequencingOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.TimeLimit, TimeSpan.Zero, nameof(options));
        var errors = problem.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("the sequencing problem is invalid: " + string.Join(" ", errors), nameof(problem));
        }

        var clock = options.TimeProvider;
        var started = clock.GetTimestamp();
        var classes = SequencingClasses.Build(problem);
        var n = problem.Bodies.Count;
        var given = new int[n];
        for (var i = 0; i < n; i++)
        {
            given[i] = i;
        }

        var baseline = SequenceEvaluator.Evaluate(problem, classes, given);
        var greedyClasses = GreedySequencer.Complete(problem, classes, [], cancellationToken);
        var greedy = classes.ToBodies(greedyClasses);
        var heuristic = SequenceEvaluator.Evaluate(problem, classes, greedy);
        var (hint, hintEvaluation) = Rank(heuristic).CompareTo(Rank(baseline)) <= 0 ? (greedy, heuristic) : (given, baseline);

        var run = (long)n * classes.Count <= FullModelLimit
            ? SolveWhole(problem, classes, classes.ToClasses(hint), hintEvaluation, options, progress, started, cancellationToken)
            : SolveWindows(problem, classes, options, progress, started, cancellationToken);

        var (order, evaluation) = (run.Order, SequenceEvaluator.Evaluate(problem, classes, run.Order));
        if (evaluation.HardViolations > 0 && run.Status is SequencingStatus.Optimal or SequencingStatus.Feasible)
        {
            run = run with { Status = SequencingStatus.Unknown, Message = "The sequence found breaks a hard rule; allow more time or make a rule soft." };
        }

        // Never worse than where the search started: rolling windows each see only part of the day, and their joined
        // sequence can cost more than the greedy one they were seeded with (67 colour changes against 66 on the
        // 1,000-body benchmark day).
        if (Rank(hintEvaluation).CompareTo(Rank(evaluation)) < 0)
        {
            (order, evaluation) = (hint, hintEvaluation);
            if (run.Status is SequencingStatus.Optimal or SequencingStatus.Feasible || hintEvaluation.HardViolations == 0)
            {
                run = run with
                {
                    Status = hintEvaluation.HardViolations == 0 ? SequencingStatus.Feasible : run.Status,
                    Message = (run.Message is { Length: > 0 } m ? m + " " : string.Empty) + "The search found nothing better than its starting sequence, which is returned.",
                };
            }
        }

        var sequence = new SequencingBody[n];
        for (var p = 0; p < n; p++)
        {
            sequence[p] = problem.Bodies[order[p]];
        }

        return new SequencingResult(
            run.Status, sequence, evaluation, evaluation.Cost, Math.Min(run.Bound, evaluation.Cost), baseline, heuristic, classes.Count, run.Windows, clock.GetElapsedTime(started), run.Message);
    }

    private static (int HardViolations, long Cost) Rank(SequenceEvaluation e) => (e.HardViolations, e.Cost);

    private static Run SolveWhole(
        SequencingProblem problem, SequencingClasses classes, int[] hint, SequenceEvaluation hintEvaluation, SequencingOptions options,
        IProgress<SequencingProgress>? progress, long started, CancellationToken cancellationToken)
    {
        var clock = options.TimeProvider;
        var model = new SequencingModel(problem, classes, [], problem.Bodies.Count, relax: false);
        model.Hint(hint);
        using var solver = Solver(options.TimeLimit - clock.GetElapsedTime(started), options);
        using var callback = new ProgressCallback(progress, clock, started);
        using var stop = cancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(model.Model, callback);
        var bound = Math.Max(LowerBound(problem, classes), (long)Math.Ceiling(solver.BestObjectiveBound - 1e-9));
        return status switch
        {
            CpSolverStatus.Optimal => new Run(classes.ToBodies(model.Read(solver)), SequencingStatus.Optimal, bound, 1, "The sequence is proven optimal."),
            CpSolverStatus.Feasible => new Run(
                classes.ToBodies(model.Read(solver)), SequencingStatus.Feasible, bound, 1,
                string.Create(CultureInfo.InvariantCulture, $"The time limit ended the search; the sequence keeps every hard rule and costs at most {solver.ObjectiveValue - bound:0} more than the best possible.")),
            CpSolverStatus.Infeasible => new Run(
                classes.ToBodies(hint), SequencingStatus.Infeasible, hintEvaluation.Cost, 1,
                "No sequence keeps every hard rule; the heuristic sequence is returned with its violations. Make a rule soft or relax it."),
            CpSolverStatus.Unknown => new Run(
                classes.ToBodies(hint), SequencingStatus.Unknown, bound, 1,
                "The time limit ended the search before a sequence keeping every hard rule was found; the heuristic sequence is returned with its violations. Allow more time or make a rule soft."),
            _ => throw new InvalidOperationException($"CP-SAT rejected the sequencing model ({status}): {solver.SolutionInfo()}"),
        };
    }

    private static Run SolveWindows(
        SequencingProblem problem, SequencingClasses classes, SequencingOptions options, IProgress<SequencingProgress>? progress, long started, CancellationToken cancellationToken)
    {
        var clock = options.TimeProvider;
        var n = problem.Bodies.Count;
        var width = Math.Clamp(WindowVariables / classes.Count, 30, n);
        var step = Math.Max(1, width * 2 / 3);
        var bound = LowerBound(problem, classes);
        var prefix = new List<int>(n);
        var windows = 0;
        while (prefix.Count < n)
        {
            var start = prefix.Count;
            var length = Math.Min(width, n - start);
            var last = start + length == n;
            var fixedPrefix = prefix.ToArray();
            var completion = GreedySequencer.Complete(problem, classes, fixedPrefix, cancellationToken);
            var current = SequenceEvaluator.Evaluate(problem, classes, classes.ToBodies(completion));
            progress?.Report(new SequencingProgress(current.Cost, bound, clock.GetElapsedTime(started)));

            var window = completion.AsSpan(start, length).ToArray();
            var left = options.TimeLimit - clock.GetElapsedTime(started);
            if (left <= TimeSpan.Zero || cancellationToken.IsCancellationRequested)
            {
                // Out of time: the greedy completion of the rest is the answer; building more windows would overrun.
                prefix.AddRange(completion.AsSpan(start).ToArray());
                break;
            }

            // The window's share of the time left; building the model takes the rest of its share.
            var windowsLeft = 1 + (int)Math.Ceiling(Math.Max(0, n - start - length) / (double)step);
            var model = new SequencingModel(problem, classes, fixedPrefix, length, relax: true);
            model.Hint(completion);
            using var solver = Solver(left * 0.6 / windowsLeft, options);
            using var stop = cancellationToken.Register(solver.StopSearch);
            var status = solver.Solve(model.Model);
            if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                window = model.Read(solver);
            }

            windows++;
            prefix.AddRange(last ? window : window.AsSpan(0, step).ToArray());
        }

        var order = classes.ToBodies(prefix.ToArray());
        var evaluation = SequenceEvaluator.Evaluate(problem, classes, order);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{classes.Count} classes × {n} positions are too many for one model: sequenced in {windows} rolling windows of {width} positions");
        return evaluation.HardViolations == 0
            ? new Run(order, evaluation.Cost <= bound ? SequencingStatus.Optimal : SequencingStatus.Feasible, bound, windows, string.Create(
                CultureInfo.InvariantCulture, $"{summary}; the sequence keeps every hard rule and costs at most {evaluation.Cost - bound} more than the colour-batch lower bound."))
            : new Run(order, SequencingStatus.Unknown, bound, windows, string.Create(
                CultureInfo.InvariantCulture, $"{summary}; {evaluation.HardViolations} hard-rule violations remain. Allow more time or make a rule soft."));
    }

    /// <summary>A lower bound on the cost of any sequence: every colour needs at least one batch, and with a hard batch
    /// limit L a colour of N bodies needs ⌈N / L⌉; the changes are the batches less one.</summary>
    internal static long LowerBound(SequencingProblem problem, SequencingClasses classes)
    {
        var perColour = new int[classes.Colours.Length];
        foreach (var k in classes.ClassOf)
        {
            perColour[classes.Colour[k]]++;
        }

        var limit = problem.Rules.BatchMode == ConstraintMode.Hard && problem.Rules.MaxBatchLength is { } l ? l : int.MaxValue;
        long batches = 0;
        foreach (var count in perColour)
        {
            batches += count == 0 ? 0 : 1 + ((count - 1) / limit);
        }

        return problem.Rules.ColourChangeWeight * Math.Max(0, batches - 1);
    }

    private static CpSolver Solver(TimeSpan limit, SequencingOptions options) => new()
    {
        StringParameters = string.Create(
            CultureInfo.InvariantCulture,
            $"max_time_in_seconds:{Math.Max(0.05, limit.TotalSeconds):0.###} num_workers:{options.Workers} random_seed:{options.Seed} log_search_progress:false"),
    };

    private sealed record Run(int[] Order, SequencingStatus Status, long Bound, int Windows, string Message);

    private sealed class ProgressCallback(IProgress<SequencingProgress>? progress, TimeProvider clock, long started) : CpSolverSolutionCallback
    {
        public override void OnSolutionCallback()
        {
            progress?.Report(new SequencingProgress((long)Math.Round(ObjectiveValue()), (long)Math.Ceiling(BestObjectiveBound() - 1e-9), clock.GetElapsedTime(started)));
        }
    }
}
