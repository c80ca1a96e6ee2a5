namespace FactoryTwin.Simulation.Statistics;

/// <summary>
/// Order statistics by selection: Hoare's FIND (Hoare 1961, "Algorithm 65: Find") with median-of-three
/// pivots, expected linear time; a range that shrinks too slowly is sorted instead (introselect, Musser 1997),
/// so the worst case stays O(n log n). The k-th smallest value is the one a full sort would put at index k.
/// </summary>
internal static class OrderStatistic
{
    private const int SortBelow = 16;

    /// <summary>Returns the k-th smallest value (0-based) and partially orders the span around it.</summary>
    /// <param name="values">Values without NaN; reordered so that values[..k] &lt;= values[k] &lt;= values[(k + 1)..].</param>
    /// <param name="k">Rank, 0 &lt;= k &lt; values.Length.</param>
    /// <returns>The value of rank <paramref name="k"/>.</returns>
    public static double Select(Span<double> values, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, values.Length);
        int lo = 0, hi = values.Length - 1;
        int budget = 2 * (64 - (int)ulong.LeadingZeroCount((ulong)values.Length));
        while (hi > lo)
        {
            if (hi - lo < SortBelow || budget-- == 0)
            {
                values[lo..(hi + 1)].Sort();
                break;
            }

            // Median of three in place: values[lo] <= values[mid] <= values[hi], pivot = values[mid].
            int mid = lo + ((hi - lo) >> 1);
            SwapIfGreater(values, lo, mid);
            SwapIfGreater(values, lo, hi);
            SwapIfGreater(values, mid, hi);
            double pivot = values[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            // values[lo..(j + 1)] <= pivot, values[i..(hi + 1)] >= pivot, anything between equals pivot.
            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                break;
            }
        }

        return values[k];
    }

    private static void SwapIfGreater(Span<double> values, int a, int b)
    {
        if (values[a] > values[b])
        {
            (values[a], values[b]) = (values[b], values[a]);
        }
    }
}
