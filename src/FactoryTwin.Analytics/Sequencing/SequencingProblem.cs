using System.Globalization;

namespace FactoryTwin.Analytics.Sequencing;

/// <summary>A day of bodies to sequence through the paint shop, with the rules the sequence must keep.</summary>
/// <param name="Bodies">The bodies, in first-come-first-served order (the order they were released or ordered); this
/// order is the baseline the sequence is compared with.</param>
/// <param name="Rules">The rules.</param>
public sealed record SequencingProblem(IReadOnlyList<SequencingBody> Bodies, SequencingRules Rules)
{
    /// <summary>The most bodies one problem may hold.</summary>
    public const int MaxBodies = 20_000;

    /// <summary>The most option ratio rules one problem may hold.</summary>
    public const int MaxOptionRules = 30;

    /// <summary>Checks the problem and says what is wrong, naming the body or rule.</summary>
    /// <returns>One sentence per problem; empty when the problem is valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Bodies is null || Rules is null)
        {
            errors.Add("the problem needs bodies and rules.");
            return errors;
        }

        if (Bodies.Count == 0)
        {
            errors.Add("there are no bodies to sequence.");
        }

        if (Bodies.Count > MaxBodies)
        {
            errors.Add(Invariant($"there are {Bodies.Count} bodies; at most {MaxBodies} can be sequenced at once."));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Bodies.Count; i++)
        {
            var b = Bodies[i];
            if (b is null)
            {
                errors.Add(Invariant($"body {i + 1} is missing."));
                continue;
            }

            var name = string.IsNullOrWhiteSpace(b.Id) ? Invariant($"body {i + 1}") : $"body '{b.Id}'";
            if (string.IsNullOrWhiteSpace(b.Id))
            {
                errors.Add(Invariant($"body {i + 1} has no id."));
            }
            else if (!ids.Add(b.Id))
            {
                errors.Add($"body id '{b.Id}' appears more than once; ids must be unique.");
            }

            if (string.IsNullOrWhiteSpace(b.Colour))
            {
                errors.Add($"{name} has no colour.");
            }

            if (b.Options is null || b.Options.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{name} has an empty option name.");
            }

            if (b.DuePosition is < 1)
            {
                errors.Add(Invariant($"{name} has due position {b.DuePosition}; a due position is a slot from 1."));
            }
        }

        if (Rules.ColourChangeWeight < 0)
        {
            errors.Add("the colour-change weight must not be negative.");
        }

        if (Rules.MaxBatchLength is < 1)
        {
            errors.Add(Invariant($"the maximum batch length is {Rules.MaxBatchLength}; it must be at least 1."));
        }

        if (Rules.BatchWeight < 0 || Rules.DueWeight < 0)
        {
            errors.Add("the batch and due weights must not be negative.");
        }

        if (Rules.Options?.Count > MaxOptionRules)
        {
            errors.Add(Invariant($"there are {Rules.Options.Count} option rules; at most {MaxOptionRules} are supported."));
        }

        var options = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Rules.Options ?? [])
        {
            if (r is null || string.IsNullOrWhiteSpace(r.Option))
            {
                errors.Add("an option rule has no option name.");
                continue;
            }

            if (!options.Add(r.Option))
            {
                errors.Add($"option '{r.Option}' has more than one ratio rule.");
            }

            if (r.Q < 1 || r.P < 0 || r.P > r.Q)
            {
                errors.Add(Invariant($"option '{r.Option}' has ratio {r.P}/{r.Q}; it needs 0 <= p <= q and q >= 1."));
            }

            if (r.Weight < 0)
            {
                errors.Add($"option '{r.Option}' has a negative weight.");
            }
        }

        return errors;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
