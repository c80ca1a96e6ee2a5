namespace FactoryTwin.Analytics.Sequencing;

/// <summary>Counts what a sequence costs and which rules it breaks (<see cref="SequenceEvaluation"/>).</summary>
public static class SequenceEvaluator
{
    /// <summary>Evaluates a sequence of bodies.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="order">Every body's index into <see cref="SequencingProblem.Bodies"/> once, in paint order.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentException">The order is not a permutation of the bodies.</exception>
    public static SequenceEvaluation Evaluate(SequencingProblem problem, IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(order);
        var n = problem.Bodies.Count;
        if (order.Count != n)
        {
            throw new ArgumentException($"the order has {order.Count} bodies, the problem {n}.", nameof(order));
        }

        var seen = new bool[n];
        foreach (var i in order)
        {
            if ((uint)i >= (uint)n || seen[i])
            {
                throw new ArgumentException("the order is not a permutation of the bodies.", nameof(order));
            }

            seen[i] = true;
        }

        return Evaluate(problem, SequencingClasses.Build(problem), order);
    }

    internal static SequenceEvaluation Evaluate(SequencingProblem problem, SequencingClasses classes, IReadOnlyList<int> order)
    {
        var rules = problem.Rules;
        var bodies = problem.Bodies;
        var n = order.Count;

        var changes = 0;
        var longest = n > 0 ? 1 : 0;
        var run = 1;
        var batchViolations = 0;
        var limit = rules.MaxBatchLength ?? int.MaxValue;
        for (var p = 1; p < n; p++)
        {
            if (classes.Colour[classes.ClassOf[order[p]]] != classes.Colour[classes.ClassOf[order[p - 1]]])
            {
                changes++;
                run = 1;
            }
            else
            {
                run++;
                longest = Math.Max(longest, run);
                if (run > limit)
                {
                    batchViolations++;
                }
            }
        }

        var hard = rules.BatchMode == ConstraintMode.Hard ? batchViolations : 0;
        long cost = (long)rules.ColourChangeWeight * changes + (rules.BatchMode == ConstraintMode.Soft ? (long)rules.BatchWeight * batchViolations : 0);

        var options = new List<OptionViolationCount>(classes.Rules.Length);
        var has = new int[n + 1];
        for (var r = 0; r < classes.Rules.Length; r++)
        {
            var rule = classes.Rules[r];
            var bit = 1 << r;
            for (var p = 0; p < n; p++)
            {
                has[p + 1] = has[p] + ((classes.Mask[classes.ClassOf[order[p]]] & bit) != 0 ? 1 : 0);
            }

            var violations = 0;
            var width = Math.Min(rule.Q, n);
            for (var s = 0; s + width <= n; s++)
            {
                violations += Math.Max(0, has[s + width] - has[s] - rule.P);
            }

            options.Add(new OptionViolationCount(rule.Option, rule.P, rule.Q, rule.Mode, has[n], violations));
            if (rule.Mode == ConstraintMode.Hard)
            {
                hard += violations;
            }
            else
            {
                cost += (long)rule.Weight * violations;
            }
        }

        var late = 0;
        var tardiness = 0;
        var positionOf = new int[n];
        for (var p = 0; p < n; p++)
        {
            positionOf[order[p]] = p + 1;
            if (bodies[order[p]].DuePosition is { } due && p + 1 > due)
            {
                late++;
                tardiness += p + 1 - due;
            }
        }

        var shortfall = DueShortfall(problem, classes, positionOf);
        if (rules.DueMode == ConstraintMode.Hard)
        {
            hard += late;
        }
        else
        {
            cost += (long)rules.DueWeight * shortfall;
        }

        return new SequenceEvaluation(changes, n == 0 ? 0 : changes + 1, longest, batchViolations, options, late, tardiness, shortfall, hard, cost);
    }

    private static int DueShortfall(SequencingProblem problem, SequencingClasses classes, int[] positionOf)
    {
        var total = 0;
        var positions = new List<int>();
        for (var k = 0; k < classes.Count; k++)
        {
            positions.Clear();
            foreach (var i in classes.Bodies[k])
            {
                positions.Add(positionOf[i]);
            }

            positions.Sort();
            foreach (var (due, dueBy) in DuePoints(problem, classes.Bodies[k]))
            {
                // Bodies of the class painted at positions <= due.
                var placed = positions.BinarySearch(due + 1);
                placed = placed < 0 ? ~placed : placed;

                total += Math.Max(0, dueBy - placed);
            }
        }

        return total;
    }

    /// <summary>The distinct due positions of a class (ascending, below the day's length) with how many of its
    /// bodies are due by each.</summary>
    internal static List<(int Due, int DueBy)> DuePoints(SequencingProblem problem, int[] classBodies)
    {
        var points = new List<(int, int)>();
        var n = problem.Bodies.Count;
        var count = 0;
        for (var j = 0; j < classBodies.Length; j++)
        {
            if (problem.Bodies[classBodies[j]].DuePosition is not { } due)
            {
                break;
            }

            count++;
            var nextDue = j + 1 < classBodies.Length ? problem.Bodies[classBodies[j + 1]].DuePosition : null;
            if (nextDue != due && due < n)
            {
                points.Add((due, count));
            }
        }

        return points;
    }
}
