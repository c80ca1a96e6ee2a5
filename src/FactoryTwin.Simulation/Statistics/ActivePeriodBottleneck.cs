using System.Diagnostics;

namespace FactoryTwin.Simulation.Statistics;

/// <summary>
/// Bottleneck detection by the active-period method (Roser, Nakano and Tanaka, "Shifting bottleneck
/// detection", Winter Simulation Conference 2002). A station is active while a machine works, sets up or
/// is down, inactive while all its machines are starved, blocked or off shift. At any instant the
/// bottleneck is the station whose current active period is longest. Where the active periods of the
/// bottleneck and the next (different) bottleneck overlap, both are shifting bottlenecks; the rest of a
/// station's bottleneck time is sole bottleneck time.
/// </summary>
/// <remarks>
/// Definition used: the boundaries (all starts and ends) cut the time axis into elementary intervals; on
/// each interval (a, b) the bottleneck is the period containing the midpoint m = (a + b) / 2
/// (start &lt;= m &lt; end) with the longest full length, ties to the lower element index. Consecutive intervals
/// with the same period form one run; run i and run i + 1 of different elements shift on the overlap of
/// their full periods. The result is computed by one sweep over the boundaries in time order: each
/// element's periods are already in time order, so the sweep merges the per-element sequences with a heap
/// of elements (O(n log k) for n periods of k elements), and the bottleneck changes only where a period
/// starts (a longer one takes over) or where the bottleneck's own period ends (then the k active periods are
/// compared again, at most once per period). Runs are credited as they close, so no run list is kept, and
/// the sums are taken in the same order as over a list of runs.
/// </remarks>
internal static class ActivePeriodBottleneck
{
    /// <summary>Length of the integer scratch that <see cref="Compute(int, ReadOnlySpan{int}, ReadOnlySpan{double}, ReadOnlySpan{double}, double, Span{double}, Span{double}, Span{int}, Span{double})"/> needs.</summary>
    /// <param name="elements">Number of elements.</param>
    /// <param name="periods">Number of periods.</param>
    /// <returns>The number of integers.</returns>
    public static int IntScratchLength(int elements, int periods) => (3 * periods) + (5 * elements) + 1;

    /// <summary>Length of the floating-point scratch that the scratch overload of <c>Compute</c> needs.</summary>
    /// <param name="elements">Number of elements.</param>
    /// <returns>The number of doubles.</returns>
    public static int DoubleScratchLength(int elements) => elements;

    /// <summary>Computes sole and shifting bottleneck fractions of the window per element index (allocates its scratch).</summary>
    /// <param name="elements">Number of elements (length of the outputs).</param>
    /// <param name="owner">Element of each active period.</param>
    /// <param name="start">Start of each period (clipped to the window).</param>
    /// <param name="end">End of each period.</param>
    /// <param name="windowLength">Window length in seconds.</param>
    /// <param name="sole">Receives the sole-bottleneck fraction per element.</param>
    /// <param name="shifting">Receives the shifting-bottleneck fraction per element.</param>
    public static void Compute(
        int elements, ReadOnlySpan<int> owner, ReadOnlySpan<double> start, ReadOnlySpan<double> end,
        double windowLength, Span<double> sole, Span<double> shifting) =>
        Compute(
            elements, owner, start, end, windowLength, sole, shifting,
            new int[IntScratchLength(elements, owner.Length)], new double[DoubleScratchLength(elements)]);

    /// <summary>Computes sole and shifting bottleneck fractions of the window per element index.</summary>
    /// <param name="elements">Number of elements (length of the outputs).</param>
    /// <param name="owner">Element of each active period.</param>
    /// <param name="start">Start of each period (clipped to the window), in seconds.</param>
    /// <param name="end">End of each period, in seconds. The periods of one element, ordered by start, must not
    /// overlap (each ends no later than the next starts); they may come in any order, and the cost is linear in
    /// their number per element when each element's periods come in start order (as a simulation records them).</param>
    /// <param name="windowLength">Window length in seconds.</param>
    /// <param name="sole">Receives the sole-bottleneck fraction per element.</param>
    /// <param name="shifting">Receives the shifting-bottleneck fraction per element.</param>
    /// <param name="intScratch">Scratch of at least <see cref="IntScratchLength"/> integers; overwritten.</param>
    /// <param name="doubleScratch">Scratch of at least <see cref="DoubleScratchLength"/> doubles; overwritten.</param>
    public static void Compute(
        int elements, ReadOnlySpan<int> owner, ReadOnlySpan<double> start, ReadOnlySpan<double> end,
        double windowLength, Span<double> sole, Span<double> shifting, Span<int> intScratch, Span<double> doubleScratch)
    {
        sole.Clear();
        shifting.Clear();
        int n = owner.Length;
        if (n == 0 || !(windowLength > 0))
        {
            return;
        }

        var items = intScratch[..n];                            // period indices grouped by element
        var offset = intScratch.Slice(n, elements + 1);         // element e's periods: items[offset[e]..offset[e + 1]]
        var next = intScratch.Slice(n + elements + 1, elements); // element's next boundary: 2 per period, start then end
        var active = intScratch.Slice(n + (2 * elements) + 1, elements);
        var heap = intScratch.Slice(n + (3 * elements) + 1, elements);
        var participants = intScratch.Slice(n + (4 * elements) + 1, elements);
        var heapKey = doubleScratch[..elements];

        // Group by element, keeping the given order (counting sort), then order each element by start.
        offset.Clear();
        for (int i = 0; i < n; i++)
        {
            offset[owner[i] + 1]++;
        }

        for (int e = 0; e < elements; e++)
        {
            offset[e + 1] += offset[e];
            next[e] = offset[e];
        }

        for (int i = 0; i < n; i++)
        {
            items[next[owner[i]]++] = i;
        }

        int k = 0;
        for (int e = 0; e < elements; e++)
        {
            if (offset[e + 1] > offset[e])
            {
                var own = items[offset[e]..offset[e + 1]];
                SortByStart(own, start, end);
                next[e] = 0;
                active[e] = -1;
                participants[k] = e;
                heap[k] = e;
                heapKey[k] = start[own[0]];
                k++;
            }
        }

        int heapCount = k;
        for (int h = (heapCount / 2) - 1; h >= 0; h--)
        {
            SiftDown(heap, heapKey, heapCount, h);
        }

        // Merge the elements' boundaries into one sequence in time order.
        var boundaries = intScratch.Slice(n + (5 * elements) + 1, 2 * n);
        int count = 0;
        while (heapCount > 0)
        {
            double t = heapKey[0];
            int e = heap[0];
            int j = next[e]++;
            int p = items[offset[e] + (j >> 1)];
            boundaries[count++] = (p << 1) | (j & 1);
            j++;
            if (j < 2 * (offset[e + 1] - offset[e]))
            {
                int q = items[offset[e] + (j >> 1)];
                heapKey[0] = (j & 1) == 0 ? start[q] : end[q];
                Debug.Assert(heapKey[0] >= t, "The periods of one element overlap.");
            }
            else
            {
                heapCount--;
                heap[0] = heap[heapCount];
                heapKey[0] = heapKey[heapCount];
            }

            SiftDown(heap, heapKey, heapCount, 0);
        }

        Sweep(owner, start, end, boundaries[..count], participants[..k], active, windowLength, sole, shifting);
    }

    /// <summary>
    /// Computes sole and shifting bottleneck fractions from the periods' boundaries already in time order: the sweep of
    /// <c>Compute</c> without its merge, for a caller that records boundaries as they happen (the engine).
    /// </summary>
    /// <param name="owner">Element of each period.</param>
    /// <param name="start">Start of each period.</param>
    /// <param name="end">End of each period, after its start.</param>
    /// <param name="boundaries">Every period's start (<c>2p</c>) and end (<c>2p + 1</c>), in nondecreasing time; boundaries at one
    /// time in any order. Every period must be longer than zero, and the periods of one element must not overlap.</param>
    /// <param name="participants">Every element that owns a period (others may be listed too).</param>
    /// <param name="active">Scratch, one entry per element; overwritten.</param>
    /// <param name="windowLength">Window length in seconds.</param>
    /// <param name="sole">Receives the sole-bottleneck fraction per element.</param>
    /// <param name="shifting">Receives the shifting-bottleneck fraction per element.</param>
    internal static void ComputeOrdered(
        ReadOnlySpan<int> owner, ReadOnlySpan<double> start, ReadOnlySpan<double> end, ReadOnlySpan<int> boundaries,
        ReadOnlySpan<int> participants, Span<int> active, double windowLength, Span<double> sole, Span<double> shifting)
    {
        sole.Clear();
        shifting.Clear();
        if (boundaries.IsEmpty || !(windowLength > 0))
        {
            return;
        }

        foreach (int e in participants)
        {
            active[e] = -1;
        }

        Sweep(owner, start, end, boundaries, participants, active, windowLength, sole, shifting);
    }

    /// <summary>The sweep over the boundaries in time order (see the remarks of the class).</summary>
    private static void Sweep(
        ReadOnlySpan<int> owner, ReadOnlySpan<double> start, ReadOnlySpan<double> end, ReadOnlySpan<int> boundaries,
        ReadOnlySpan<int> participants, Span<int> active, double windowLength, Span<double> sole, Span<double> shifting)
    {
        var runs = new RunAccumulator(owner, start, end, sole, shifting);
        int best = -1;
        bool pending = false;
        double pendingFrom = 0;
        int i = 0, n = boundaries.Length;
        while (i < n)
        {
            // Apply every boundary at time t.
            double t = TimeOf(boundaries[i], start, end);
            bool compareAll = false;
            do
            {
                int b = boundaries[i++];
                int p = b >> 1;
                if ((b & 1) == 0)
                {
                    active[owner[p]] = p;
                    if (!compareAll && (best < 0 || RanksBefore(p, best, owner, start, end)))
                    {
                        best = p;
                    }
                }
                else
                {
                    // The element's next period may already have started at this instant.
                    if (active[owner[p]] == p)
                    {
                        active[owner[p]] = -1;
                    }

                    compareAll |= p == best;
                }
            }
            while (i < n && TimeOf(boundaries[i], start, end) == t);

            if (compareAll)
            {
                best = -1;
                foreach (int e in participants)
                {
                    int p = active[e];
                    if (p >= 0 && (best < 0 || RanksBefore(p, best, owner, start, end)))
                    {
                        best = p;
                    }
                }
            }

            // The active set after the boundaries at t is the one at the midpoint of (t, b) unless the midpoint
            // rounds up to b (b the next double after t or close to it): then it is the set after the boundaries at b.
            if (pending)
            {
                runs.Add(best, pendingFrom, t);
                pending = false;
            }

            if (i < n)
            {
                double b = TimeOf(boundaries[i], start, end);
                if ((0.5 * (t + b)) < b)
                {
                    runs.Add(best, t, b);
                }
                else
                {
                    pending = true;
                    pendingFrom = t;
                }
            }
        }

        runs.Finish();
        for (int e = 0; e < sole.Length; e++)
        {
            sole[e] /= windowLength;
            shifting[e] /= windowLength;
        }
    }

    private static double TimeOf(int boundary, ReadOnlySpan<double> start, ReadOnlySpan<double> end) =>
        (boundary & 1) == 0 ? start[boundary >> 1] : end[boundary >> 1];

    /// <summary>Whether period p ranks before period q: longer full period, ties to the lower element.</summary>
    private static bool RanksBefore(int p, int q, ReadOnlySpan<int> owner, ReadOnlySpan<double> start, ReadOnlySpan<double> end)
    {
        double lp = end[p] - start[p], lq = end[q] - start[q];
        return lp > lq || (lp == lq && owner[p] < owner[q]);
    }

    /// <summary>Insertion sort by (start, end): linear when already in order.</summary>
    private static void SortByStart(Span<int> items, ReadOnlySpan<double> start, ReadOnlySpan<double> end)
    {
        for (int i = 1; i < items.Length; i++)
        {
            int x = items[i];
            double s = start[x], f = end[x];
            int j = i - 1;
            while (j >= 0 && (start[items[j]] > s || (start[items[j]] == s && end[items[j]] > f)))
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = x;
        }
    }

    /// <summary>Binary min-heap of elements keyed by their next boundary time.</summary>
    private static void SiftDown(Span<int> heap, Span<double> key, int count, int i)
    {
        if (i >= count)
        {
            return;
        }

        int item = heap[i];
        double value = key[i];
        while (true)
        {
            int c = (2 * i) + 1;
            if (c >= count)
            {
                break;
            }

            if (c + 1 < count && key[c + 1] < key[c])
            {
                c++;
            }

            if (!(key[c] < value))
            {
                break;
            }

            heap[i] = heap[c];
            key[i] = key[c];
            i = c;
        }

        heap[i] = item;
        key[i] = value;
    }

    private static double Overlap(double a, double b, double c, double d) => Math.Max(Math.Min(b, d) - Math.Max(a, c), 0);

    /// <summary>
    /// Merges consecutive intervals of one period into runs and credits each run as it closes (when the next
    /// run is known): run i and run i + 1 of different elements overlap on their full periods (shifting time
    /// of both); run i's sole time is its length less its overlaps with the previous and next runs, plus
    /// their common part. Both sums are taken in run order.
    /// </summary>
    private ref struct RunAccumulator(
        ReadOnlySpan<int> owner, ReadOnlySpan<double> start, ReadOnlySpan<double> end, Span<double> sole, Span<double> shifting)
    {
        private readonly ReadOnlySpan<int> _owner = owner;
        private readonly ReadOnlySpan<double> _start = start;
        private readonly ReadOnlySpan<double> _end = end;
        private readonly Span<double> _sole = sole;
        private readonly Span<double> _shifting = shifting;
        private int _period = -1;
        private double _from;
        private double _to;
        private bool _hasPrevious;
        private double _previousFrom; // overlap of the previous run with this one; (0, 0) if none
        private double _previousTo;

        /// <summary>Adds the interval [from, to) with bottleneck period <paramref name="period"/> (none if negative).</summary>
        public void Add(int period, double from, double to)
        {
            if (period < 0)
            {
                return;
            }

            if (period == _period)
            {
                _to = to;
                return;
            }

            if (_period >= 0)
            {
                Close(period);
            }

            _period = period;
            _from = from;
            _to = to;
        }

        public void Finish()
        {
            if (_period >= 0)
            {
                Close(-1);
            }
        }

        private void Close(int following)
        {
            int p = _period;
            double overlapFrom = 0, overlapTo = 0;
            if (following >= 0 && _owner[p] != _owner[following])
            {
                overlapFrom = Math.Max(_start[p], _start[following]);
                overlapTo = Math.Min(_end[p], _end[following]);
                double length = Math.Max(overlapTo - overlapFrom, 0);
                _shifting[_owner[p]] += length;
                _shifting[_owner[following]] += length;
            }

            double inPrevious = _hasPrevious ? Overlap(_from, _to, _previousFrom, _previousTo) : 0;
            double inNext = Overlap(_from, _to, overlapFrom, overlapTo);
            double both = _hasPrevious ? Overlap(
                Math.Max(_from, _previousFrom), Math.Min(_to, _previousTo), overlapFrom, overlapTo) : 0;
            _sole[_owner[p]] += Math.Max((_to - _from) - inPrevious - inNext + both, 0);
            _hasPrevious = true;
            _previousFrom = overlapFrom;
            _previousTo = overlapTo;
        }
    }
}
