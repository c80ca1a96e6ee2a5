namespace FactoryTwin.Analytics.Tests.Buffers;

/// <summary>
/// The exact continuous-time Markov chain of a serial line: exponential stations with rates μ₁…μ_K, finite buffers
/// B₁…B_{K−1} between them (slots; parts on machines not counted), blocking after service, a saturated first station
/// and an unblocked last one. A state is each station's status (empty, working, blocked with a finished part) and each
/// buffer's level; a completion at station i hands the part on (straight to an empty station i+1, else into the buffer,
/// else station i blocks) and every freed place pulls the next part at once, cascading up the line, as the engine does.
/// Throughput = Σ π(s) μ_K over states where station K works; π solves πQ = 0 by Gauss–Seidel on the reachable states.
/// </summary>
internal static class MarkovLine
{
    private const byte Empty = 0, Working = 1, Blocked = 2;

    public static double Throughput(double[] rates, int[] buffers, double tolerance = 1e-13)
    {
        int k = rates.Length;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var states = new List<(byte[] S, int[] B)>();
        var transitions = new List<List<(int To, double Rate)>>();
        var start = (S: new byte[k], B: new int[k - 1]);
        start.S[0] = Working;
        index[Key(start.S, start.B)] = 0;
        states.Add(start);
        for (int at = 0; at < states.Count; at++)
        {
            var (s, b) = states[at];
            var outs = new List<(int, double)>();
            for (int i = 0; i < k; i++)
            {
                if (s[i] != Working)
                {
                    continue;
                }

                var ns = (byte[])s.Clone();
                var nb = (int[])b.Clone();
                Complete(ns, nb, buffers, i);
                string key = Key(ns, nb);
                if (!index.TryGetValue(key, out int to))
                {
                    to = states.Count;
                    index[key] = to;
                    states.Add((ns, nb));
                }

                outs.Add((to, rates[i]));
            }

            transitions.Add(outs);
        }

        int n = states.Count;
        var exit = new double[n];
        var incoming = new List<(int From, double Rate)>[n];
        for (int i = 0; i < n; i++)
        {
            incoming[i] = [];
        }

        for (int i = 0; i < n; i++)
        {
            foreach (var (to, rate) in transitions[i])
            {
                if (to != i)
                {
                    exit[i] += rate;
                    incoming[to].Add((i, rate));
                }
            }
        }

        var pi = new double[n];
        Array.Fill(pi, 1.0 / n);
        for (int sweep = 0; sweep < 200_000; sweep++)
        {
            double change = 0;
            for (int j = 0; j < n; j++)
            {
                double inflow = 0;
                foreach (var (from, rate) in incoming[j])
                {
                    inflow += pi[from] * rate;
                }

                double next = inflow / exit[j];
                change = Math.Max(change, Math.Abs(next - pi[j]));
                pi[j] = next;
            }

            double sum = pi.Sum();
            for (int j = 0; j < n; j++)
            {
                pi[j] /= sum;
            }

            if (change < tolerance)
            {
                break;
            }
        }

        double throughput = 0;
        for (int j = 0; j < n; j++)
        {
            if (states[j].S[k - 1] == Working)
            {
                throughput += pi[j] * rates[k - 1];
            }
        }

        return throughput;
    }

    private static void Complete(byte[] s, int[] b, int[] cap, int i)
    {
        int k = s.Length;
        if (i == k - 1)
        {
            Pull(s, b, i);
            return;
        }

        if (s[i + 1] == Empty)
        {
            s[i + 1] = Working;
            Pull(s, b, i);
        }
        else if (b[i] < cap[i])
        {
            b[i]++;
            Pull(s, b, i);
        }
        else
        {
            s[i] = Blocked;
        }
    }

    /// <summary>Station i has just given up its part: it takes the next one and the freed place pulls up the line.</summary>
    private static void Pull(byte[] s, int[] b, int i)
    {
        while (true)
        {
            if (i == 0)
            {
                s[0] = Working;
                return;
            }

            if (b[i - 1] > 0)
            {
                b[i - 1]--;
                s[i] = Working;
                if (s[i - 1] == Blocked)
                {
                    b[i - 1]++;
                    i--;
                    continue;
                }

                return;
            }

            if (s[i - 1] == Blocked)
            {
                s[i] = Working;
                i--;
                continue;
            }

            s[i] = Empty;
            return;
        }
    }

    private static string Key(byte[] s, int[] b) => string.Concat(s.Select(x => (char)('0' + x))) + "|" + string.Join(',', b);
}
