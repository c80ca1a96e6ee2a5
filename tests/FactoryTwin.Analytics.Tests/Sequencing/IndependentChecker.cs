using FactoryTwin.Analytics.Sequencing;

namespace FactoryTwin.Analytics.Tests.Sequencing;

/// <summary>
/// Recounts a sequence's colour changes and rule violations the plain way, from the bodies in order and the rules
/// alone, sharing no code with the sequencer or its evaluator.
/// </summary>
internal static class IndependentChecker
{
    public sealed record Counts(int ColourChanges, int BatchExcess, Dictionary<string, int> OptionExcess, int LateBodies, int Tardiness)
    {
        public int OptionTotal => OptionExcess.Values.Sum();
    }

    public static Counts Check(IReadOnlyList<SequencingBody> sequence, SequencingRules rules)
    {
        var changes = 0;
        for (var i = 1; i < sequence.Count; i++)
        {
            if (sequence[i].Colour != sequence[i - 1].Colour)
            {
                changes++;
            }
        }

        // Every run of one colour longer than the limit: the bodies beyond the limit.
        var batchExcess = 0;
        if (rules.MaxBatchLength is { } limit)
        {
            var i = 0;
            while (i < sequence.Count)
            {
                var j = i;
                while (j < sequence.Count && sequence[j].Colour == sequence[i].Colour)
                {
                    j++;
                }

                batchExcess += Math.Max(0, j - i - limit);
                i = j;
            }
        }

        // Every full window of q consecutive bodies (or the whole day when shorter): the bodies with the option over p.
        var options = new Dictionary<string, int>();
        foreach (var rule in rules.Options)
        {
            var q = Math.Min(rule.Q, sequence.Count);
            var excess = 0;
            for (var start = 0; start + q <= sequence.Count; start++)
            {
                var inWindow = sequence.Skip(start).Take(q).Count(b => b.Options.Contains(rule.Option));
                excess += Math.Max(0, inWindow - rule.P);
            }

            options[rule.Option] = excess;
        }

        var late = 0;
        var tardiness = 0;
        for (var i = 0; i < sequence.Count; i++)
        {
            if (sequence[i].DuePosition is { } due && i + 1 > due)
            {
                late++;
                tardiness += i + 1 - due;
            }
        }

        return new Counts(changes, batchExcess, options, late, tardiness);
    }

    /// <summary>The hard-rule violations of a sequence.</summary>
    public static int Hard(Counts counts, SequencingRules rules) =>
        (rules.BatchMode == ConstraintMode.Hard ? counts.BatchExcess : 0)
        + rules.Options.Where(r => r.Mode == ConstraintMode.Hard).Sum(r => counts.OptionExcess[r.Option])
        + (rules.DueMode == ConstraintMode.Hard ? counts.LateBodies : 0);

    /// <summary>The cost of a sequence without dues: weighted changes and soft violations.</summary>
    public static long CostWithoutDues(Counts counts, SequencingRules rules) =>
        ((long)rules.ColourChangeWeight * counts.ColourChanges)
        + (rules.BatchMode == ConstraintMode.Soft ? (long)rules.BatchWeight * counts.BatchExcess : 0)
        + rules.Options.Where(r => r.Mode == ConstraintMode.Soft).Sum(r => (long)r.Weight * counts.OptionExcess[r.Option]);
}
