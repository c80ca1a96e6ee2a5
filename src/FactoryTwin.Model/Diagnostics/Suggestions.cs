namespace FactoryTwin.Model.Diagnostics;

/// <summary>"Did you mean …?" suggestions by edit distance.</summary>
public static class Suggestions
{
    /// <summary>Finds the candidate closest to <paramref name="word"/>, if it is close enough to be a likely typo.</summary>
    /// <param name="word">The misspelt word.</param>
    /// <param name="candidates">The valid words.</param>
    /// <returns>The best candidate, or <see langword="null"/> when none is close.</returns>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(word.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = d;
            }
        }

        // A typo is at most a third of the word's letters (and at least one edit) away.
        var limit = Math.Max(1, Math.Max(word.Length, 3) / 3);
        return best is not null && bestDistance <= limit && !string.Equals(best, word, StringComparison.Ordinal) ? best : null;
    }

    /// <summary>Formats a " Did you mean 'x'?" suffix, or an empty string.</summary>
    /// <param name="word">The misspelt word.</param>
    /// <param name="candidates">The valid words.</param>
    /// <returns>The suffix, starting with a space, or empty.</returns>
    public static string DidYouMean(string word, IEnumerable<string> candidates)
    {
        var best = Closest(word, candidates);
        return best is null ? string.Empty : $" Did you mean '{best}'?";
    }

    /// <summary>Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions).</summary>
    /// <param name="a">The first word.</param>
    /// <param name="b">The second word.</param>
    /// <returns>The number of single-character edits between the words.</returns>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }

                d[i, j] = v;
            }
        }

        return d[a.Length, b.Length];
    }
}
