namespace FactoryTwin.Simulation.Statistics;

/// <summary>
/// Bottleneck detection by the active-period method (Roser, Nakano and Tanaka, "Shifting bottleneck
/// detection", Winter Simulation Conference 2002). A station is active while a machine works, sets up or
/// is down, inactive while all its machines are starved, blocked or off shift. At any instant the
/// bottleneck is the station whose current active period is longest. Where the active periods of the
/// bottleneck and the next (different) bottleneck overlap, both are shifting bottlenecks; the rest of a
/// station's bottleneck time is sole bottleneck time.
/// </summary>
internal static class ActivePeriodBottleneck
{
    /// <summary>Computes sole and shifting bottleneck fractions of the window per element index.</summary>
    /// <param name="elements">Number of elements (length of the outputs).</param>
    /// <param name="owner">Element of each active period.</param>
    /// <param name="start">Start of each period (clipped to the window).</param>
    /// <param name="end">End of each period.</param>
    /// <param name="windowLength">Window length in seconds.</param>
    /// <param name="sole">Receives the sole-bottleneck fraction per element.</param>
    /// <param name="shifting">Receives the shifting-bottleneck fraction per element.</param>
    public static void Compute(
        int elements, ReadOnlySpan<int> owner, ReadOnlySpan<double> start, ReadOnlySpan<double> end,
        double windowLength, Span<double> sole, Span<double> shifting)
    {
        sole.Clear();
        shifting.Clear();
        int n = owner.Length;
        if (n == 0 || !(windowLength > 0))
        {
            return;
        }

        // Periods of one element never overlap; order them by start so a per-element cursor can sweep.
        var order = new int[n];
        var starts = new double[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
            starts[i] = start[i];
        }

        Array.Sort(starts, order);
        var byElement = new List<int>[elements];
        for (int e = 0; e < elements; e++)
        {
            byElement[e] = [];
        }

        foreach (int i in order)
        {
            byElement[owner[i]].Add(i);
        }

        var boundaries = new double[2 * n];
        for (int i = 0; i < n; i++)
        {
            boundaries[2 * i] = start[i];
            boundaries[(2 * i) + 1] = end[i];
        }

        Array.Sort(boundaries);
        var cursor = new int[elements];
        var runs = new List<(int Period, double From, double To)>();
        for (int k = 0; k + 1 < boundaries.Length; k++)
        {
            double a = boundaries[k], b = boundaries[k + 1];
            if (!(b > a))
            {
                continue;
            }

            double mid = 0.5 * (a + b);
            int best = -1;
            double bestLength = -1;
            for (int e = 0; e < elements; e++)
            {
                var list = byElement[e];
                while (cursor[e] < list.Count && end[list[cursor[e]]] <= mid)
                {
                    cursor[e]++;
                }

                if (cursor[e] < list.Count)
                {
                    int p = list[cursor[e]];
                    double length = end[p] - start[p];
                    if (start[p] <= mid && length > bestLength)
                    {
                        best = p;
                        bestLength = length;
                    }
                }
            }

            if (best < 0)
            {
                continue;
            }

            if (runs.Count > 0 && runs[^1].Period == best)
            {
                runs[^1] = runs[^1] with { To = b };
            }
            else
            {
                runs.Add((best, a, b));
            }
        }

        // overlap[i] = overlap of the full active periods of run i and run i + 1 (when of different elements).
        var overlapFrom = new double[runs.Count];
        var overlapTo = new double[runs.Count];
        for (int i = 0; i + 1 < runs.Count; i++)
        {
            int p = runs[i].Period, q = runs[i + 1].Period;
            if (owner[p] != owner[q])
            {
                overlapFrom[i] = Math.Max(start[p], start[q]);
                overlapTo[i] = Math.Min(end[p], end[q]);
                double length = Math.Max(overlapTo[i] - overlapFrom[i], 0);
                shifting[owner[p]] += length;
                shifting[owner[q]] += length;
            }
        }

        for (int i = 0; i < runs.Count; i++)
        {
            var (period, from, to) = runs[i];
            double inPrevious = i > 0 ? Overlap(from, to, overlapFrom[i - 1], overlapTo[i - 1]) : 0;
            double inNext = Overlap(from, to, overlapFrom[i], overlapTo[i]);
            double both = i > 0 ? Overlap(
                Math.Max(from, overlapFrom[i - 1]), Math.Min(to, overlapTo[i - 1]), overlapFrom[i], overlapTo[i]) : 0;
            sole[owner[period]] += Math.Max((to - from) - inPrevious - inNext + both, 0);
        }

        for (int e = 0; e < elements; e++)
        {
            sole[e] /= windowLength;
            shifting[e] /= windowLength;
        }
    }

    private static double Overlap(double a, double b, double c, double d) => Math.Max(Math.Min(b, d) - Math.Max(a, c), 0);
}
