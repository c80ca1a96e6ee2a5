namespace FactoryTwin.Analytics.Sequencing;

/// <summary>
/// Generates a day of bodies together with a sequence known to keep every hard rule: the sequence is built first
/// (colour batches no longer than the limit, each option placed only where its p/q windows allow it, each body due at
/// the end of the shift it is painted in), then the bodies are released shift by shift in a shuffled order, which is the
/// first-come-first-served baseline. Used by tests and benchmarks, where a solver must reach 0 violations.
/// </summary>
internal static class SequencingDayGenerator
{
    /// <summary>The five option rules of the CSPLib 001 example (Dincbas et al. 1988): 1/2, 2/3, 1/3, 2/5, 1/5.</summary>
    public static readonly OptionRatio[] CspLibRatios =
    [
        new("o1", 1, 2), new("o2", 2, 3), new("o3", 1, 3), new("o4", 2, 5), new("o5", 1, 5),
    ];

    /// <summary>Generates a day.</summary>
    /// <param name="bodies">The bodies.</param>
    /// <param name="colours">The colours.</param>
    /// <param name="maxBatch">The batch limit.</param>
    /// <param name="ratios">The option rules (all hard).</param>
    /// <param name="shifts">The shifts of the day: every body is due by the end of its shift in the known sequence.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="optionShare">The chance that a body takes an option where the option's windows still allow it.</param>
    /// <returns>The problem and the known sequence (body indices in paint order).</returns>
    public static (SequencingProblem Problem, int[] Known) Generate(int bodies, int colours, int maxBatch, IReadOnlyList<OptionRatio> ratios, int shifts, int seed, double optionShare = 0.6)
    {
        var random = new Random(seed);
        var colourOf = new int[bodies];
        var options = new List<string>[bodies];
        var placed = new bool[ratios.Count][];
        for (var r = 0; r < ratios.Count; r++)
        {
            placed[r] = new bool[bodies];
        }

        var colour = -1;
        var left = 0;
        for (var p = 0; p < bodies; p++)
        {
            if (left == 0)
            {
                var next = colours == 1 ? 0 : random.Next(colours - 1);
                colour = colours == 1 || colour < 0 ? random.Next(colours) : (next >= colour ? next + 1 : next);
                left = random.Next(Math.Max(1, maxBatch / 3), maxBatch + 1);
            }

            left--;
            colourOf[p] = colour;
            options[p] = [];
            for (var r = 0; r < ratios.Count; r++)
            {
                var rule = ratios[r];
                var inWindow = 0;
                for (var s = Math.Max(0, p - rule.Q + 1); s < p; s++)
                {
                    inWindow += placed[r][s] ? 1 : 0;
                }

                if (inWindow < rule.P && random.NextDouble() < optionShare)
                {
                    placed[r][p] = true;
                    options[p].Add(rule.Option);
                }
            }
        }

        var shiftLength = (bodies + shifts - 1) / shifts;
        var released = new List<int>(bodies);
        for (var start = 0; start < bodies; start += shiftLength)
        {
            var block = Enumerable.Range(start, Math.Min(shiftLength, bodies - start)).ToArray();
            random.Shuffle(block);
            released.AddRange(block);
        }

        // Body i of the problem is the i-th released; known[p] is the problem index of the body painted at p.
        var list = new SequencingBody[bodies];
        var known = new int[bodies];
        for (var i = 0; i < bodies; i++)
        {
            var p = released[i];
            var due = Math.Min(bodies, ((p / shiftLength) + 1) * shiftLength);
            list[i] = new SequencingBody(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"B{i + 1:D5}"),
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"C{colourOf[p] + 1:D2}"),
                options[p],
                due);
            known[p] = i;
        }

        var rules = new SequencingRules { MaxBatchLength = maxBatch, Options = [.. ratios], DueMode = ConstraintMode.Hard };
        return (new SequencingProblem(list, rules), known);
    }
}
