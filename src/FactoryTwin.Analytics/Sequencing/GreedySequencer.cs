namespace FactoryTwin.Analytics.Sequencing;

/// <summary>
/// A one-pass constructive heuristic that gives CP-SAT its first solution (the hint): position by position it takes
/// the class that adds the least cost, breaking a hard rule only when every class would. Dues are kept by an
/// earliest-due-first feasibility check: when the bodies still due by some position d fill every slot up to d, only a
/// class with a body due by d may go next. Among equal costs it keeps the colour, then prefers the class whose options
/// are hardest to place (the car-sequencing "dynamic sum of utilisation rates", Gottlieb et al. 2003), then the largest.
/// </summary>
internal static class GreedySequencer
{
    private const long HardPenalty = 1_000_000;

    /// <summary>Completes a sequence of classes after <paramref name="prefix"/> (already fixed).</summary>
    public static int[] Complete(SequencingProblem problem, SequencingClasses classes, ReadOnlySpan<int> prefix, CancellationToken cancellationToken = default)
    {
        var rules = problem.Rules;
        var n = problem.Bodies.Count;
        var k = classes.Count;
        var optionRules = classes.Rules;
        var remaining = new int[k];
        var next = new int[k];
        var optionRemaining = new int[optionRules.Length];
        for (var c = 0; c < k; c++)
        {
            remaining[c] = classes.Bodies[c].Length;
            for (var r = 0; r < optionRules.Length; r++)
            {
                if ((classes.Mask[c] & (1 << r)) != 0)
                {
                    optionRemaining[r] += remaining[c];
                }
            }
        }

        // The distinct due positions and, for each, the bodies due by it that are not painted yet.
        var dues = problem.Bodies.Where(b => b.DuePosition is not null).Select(b => b.DuePosition!.Value).Distinct().Order().ToArray();
        var open = new int[dues.Length];
        foreach (var b in problem.Bodies)
        {
            if (b.DuePosition is { } due)
            {
                open[Array.BinarySearch(dues, due)]++;
            }
        }

        for (var d = 1; d < open.Length; d++)
        {
            open[d] += open[d - 1];
        }

        var has = new int[optionRules.Length][];
        for (var r = 0; r < has.Length; r++)
        {
            has[r] = new int[n + 1];
        }

        var sequence = new int[n];
        var limit = rules.MaxBatchLength ?? int.MaxValue;
        var run = 0;
        for (var p = 0; p < n; p++)
        {
            if ((p & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var best = p < prefix.Length ? prefix[p] : Choose(problem, classes, p, sequence, remaining, next, optionRemaining, has, dues, open, run, limit);
            sequence[p] = best;
            run = p > 0 && classes.Colour[best] == classes.Colour[sequence[p - 1]] ? run + 1 : 1;
            if (problem.Bodies[classes.Bodies[best][next[best]]].DuePosition is { } due)
            {
                for (var d = Array.BinarySearch(dues, due); d < open.Length; d++)
                {
                    open[d]--;
                }
            }

            remaining[best]--;
            next[best]++;
            for (var r = 0; r < optionRules.Length; r++)
            {
                var on = (classes.Mask[best] & (1 << r)) != 0;
                has[r][p + 1] = has[r][p] + (on ? 1 : 0);
                if (on)
                {
                    optionRemaining[r]--;
                }
            }
        }

        return sequence;
    }

    private static int Choose(
        SequencingProblem problem, SequencingClasses classes, int p, int[] sequence, int[] remaining, int[] next, int[] optionRemaining, int[][] has, int[] dues, int[] open, int run, int limit)
    {
        var rules = problem.Rules;
        var optionRules = classes.Rules;
        var left = problem.Bodies.Count - p;

        // The earliest due position whose open bodies fill every slot up to it: the next body must be due by it.
        var tight = int.MaxValue;
        for (var d = 0; d < dues.Length; d++)
        {
            if (dues[d] > p && open[d] > 0 && open[d] >= dues[d] - p)
            {
                tight = dues[d];
                break;
            }
        }

        var best = -1;
        var bestCost = long.MaxValue;
        var bestKeep = false;
        var bestHardness = double.MinValue;
        for (var c = 0; c < classes.Count; c++)
        {
            if (remaining[c] == 0)
            {
                continue;
            }

            long cost = 0;
            var keep = p > 0 && classes.Colour[c] == classes.Colour[sequence[p - 1]];
            if (p > 0 && !keep)
            {
                cost += rules.ColourChangeWeight;
            }

            if (keep && run + 1 > limit)
            {
                cost += rules.BatchMode == ConstraintMode.Hard ? HardPenalty : rules.BatchWeight;
            }

            if (tight != int.MaxValue && !(problem.Bodies[classes.Bodies[c][next[c]]].DuePosition <= tight))
            {
                cost += rules.DueMode == ConstraintMode.Hard ? HardPenalty : rules.DueWeight;
            }

            var hardness = 0.0;
            for (var r = 0; r < optionRules.Length; r++)
            {
                if ((classes.Mask[c] & (1 << r)) == 0)
                {
                    // Leaving the option out here must still let its remaining bodies fit the rest at p/q.
                    var rest = left - 1;
                    var rule0 = optionRules[r];
                    var capacity = ((rest / rule0.Q) * rule0.P) + Math.Min(rule0.P, rest % rule0.Q);
                    if (optionRemaining[r] > capacity)
                    {
                        cost += rule0.Mode == ConstraintMode.Hard ? HardPenalty : rule0.Weight;
                    }

                    continue;
                }

                var rule = optionRules[r];
                var start = Math.Max(0, p - rule.Q + 1);
                if (has[r][p] - has[r][start] + 1 > rule.P)
                {
                    cost += rule.Mode == ConstraintMode.Hard ? HardPenalty : rule.Weight;
                }

                // Share of the remaining capacity this option needs: above 1 it cannot all fit.
                hardness += optionRemaining[r] * (double)rule.Q / Math.Max(1, rule.P) / left;
            }

            if (Better(cost, keep, hardness, remaining[c], bestCost, bestKeep, bestHardness, best < 0 ? 0 : remaining[best]))
            {
                best = c;
                bestCost = cost;
                bestKeep = keep;
                bestHardness = hardness;
            }
        }

        return best;
    }

    private static bool Better(long cost, bool keep, double hardness, int size, long bestCost, bool bestKeep, double bestHardness, int bestSize)
    {
        if (cost != bestCost)
        {
            return cost < bestCost;
        }

        if (keep != bestKeep)
        {
            return keep;
        }

        if (Math.Abs(hardness - bestHardness) > 1e-9)
        {
            return hardness > bestHardness;
        }

        return size > bestSize;
    }
}
