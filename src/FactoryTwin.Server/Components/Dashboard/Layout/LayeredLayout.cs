namespace FactoryTwin.Server.Components.Dashboard.Layout;

/// <summary>
/// The layered (Sugiyama) layout of a directed graph of nodes 0 … n − 1, knowing nothing of what the nodes are:
/// back edges of cycles are found by a depth-first search and set aside, each node goes one column right of its
/// furthest predecessor (longest-path layering), and the order within each column is improved by barycentre sweeps
/// that keep the order with the fewest crossings.
/// </summary>
internal static class LayeredLayout
{
    private const int Sweeps = 8;

    /// <summary>Splits the nodes into ordered columns; records the edges set aside as back edges.</summary>
    /// <param name="successors">The edges: the successors of each node, in the order they should be followed.</param>
    /// <param name="preferredEntry">
    /// The nodes the search starts from first (a line's sources); then the nodes without predecessor, then the rest,
    /// each group in node order.
    /// </param>
    /// <param name="backEdges">Receives the (from, to) edges set aside; edges already in it are treated as set aside.</param>
    /// <returns>The columns, left to right, each listing its nodes top to bottom.</returns>
    public static List<List<int>> Columns(List<int>[] successors, bool[] preferredEntry, HashSet<(int From, int To)> backEdges)
    {
        int count = successors.Length;
        var indegree = new int[count];
        foreach (var next in successors)
        {
            foreach (var v in next)
            {
                indegree[v]++;
            }
        }

        // Depth-first search from the entry nodes finds the back edges of cycles; the pre-order is the initial order
        // within each column.
        var state = new byte[count];
        var preorder = new List<int>(count);
        var starts = Enumerable.Range(0, count)
            .OrderBy(i => preferredEntry[i] ? 0 : indegree[i] == 0 ? 1 : 2)
            .ThenBy(i => i)
            .ToList();
        foreach (var s in starts)
        {
            if (state[s] == 0)
            {
                Visit(s, successors, state, preorder, backEdges);
            }
        }

        var layer = new int[count];
        var order = TopologicalOrder(successors, backEdges);
        foreach (var u in order)
        {
            foreach (var v in successors[u])
            {
                if (!backEdges.Contains((u, v)))
                {
                    layer[v] = Math.Max(layer[v], layer[u] + 1);
                }
            }
        }

        var layerCount = count == 0 ? 0 : layer.Max() + 1;
        var rank = new int[count];
        for (var k = 0; k < preorder.Count; k++)
        {
            rank[preorder[k]] = k;
        }

        var columns = Enumerable.Range(0, layerCount)
            .Select(l => Enumerable.Range(0, count).Where(i => layer[i] == l).OrderBy(i => rank[i]).ToList())
            .ToList();
        Reorder(columns, successors, layer, backEdges);
        return columns;
    }

    private static void Visit(int u, List<int>[] succ, byte[] state, List<int> preorder, HashSet<(int From, int To)> backEdges)
    {
        // Iterative depth-first search: 1 = on the stack, 2 = done.
        var stack = new Stack<(int Node, int Next)>();
        stack.Push((u, 0));
        state[u] = 1;
        preorder.Add(u);
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < succ[node].Count)
            {
                stack.Push((node, next + 1));
                var v = succ[node][next];
                if (backEdges.Contains((node, v)))
                {
                    continue;
                }

                if (state[v] == 1)
                {
                    backEdges.Add((node, v));
                }
                else if (state[v] == 0)
                {
                    state[v] = 1;
                    preorder.Add(v);
                    stack.Push((v, 0));
                }
            }
            else
            {
                state[node] = 2;
            }
        }
    }

    private static List<int> TopologicalOrder(List<int>[] succ, HashSet<(int From, int To)> backEdges)
    {
        var indegree = new int[succ.Length];
        for (var u = 0; u < succ.Length; u++)
        {
            foreach (var v in succ[u])
            {
                if (!backEdges.Contains((u, v)))
                {
                    indegree[v]++;
                }
            }
        }

        var ready = new Queue<int>(Enumerable.Range(0, succ.Length).Where(i => indegree[i] == 0));
        var order = new List<int>(succ.Length);
        while (ready.Count > 0)
        {
            var u = ready.Dequeue();
            order.Add(u);
            foreach (var v in succ[u])
            {
                if (!backEdges.Contains((u, v)) && --indegree[v] == 0)
                {
                    ready.Enqueue(v);
                }
            }
        }

        return order;
    }

    /// <summary>Barycentre sweeps down and up the columns; keeps the ordering with the fewest crossings.</summary>
    private static void Reorder(List<List<int>> columns, List<int>[] succ, int[] layer, HashSet<(int From, int To)> backEdges)
    {
        var pred = succ.Select(_ => new List<int>()).ToArray();
        var forward = succ.Select(_ => new List<int>()).ToArray();
        for (var u = 0; u < succ.Length; u++)
        {
            foreach (var v in succ[u])
            {
                if (!backEdges.Contains((u, v)) && layer[v] == layer[u] + 1)
                {
                    pred[v].Add(u);
                    forward[u].Add(v);
                }
            }
        }

        var best = columns.Select(c => c.ToList()).ToList();
        var bestCrossings = Crossings(columns, forward);
        for (var sweep = 0; sweep < Sweeps && bestCrossings > 0; sweep++)
        {
            var down = sweep % 2 == 0;
            if (down)
            {
                for (var l = 1; l < columns.Count; l++)
                {
                    SortByBarycentre(columns[l], columns[l - 1], pred);
                }
            }
            else
            {
                for (var l = columns.Count - 2; l >= 0; l--)
                {
                    SortByBarycentre(columns[l], columns[l + 1], forward);
                }
            }

            var crossings = Crossings(columns, forward);
            if (crossings < bestCrossings)
            {
                bestCrossings = crossings;
                best = columns.Select(c => c.ToList()).ToList();
            }
        }

        for (var l = 0; l < columns.Count; l++)
        {
            columns[l] = best[l];
        }
    }

    private static void SortByBarycentre(List<int> column, List<int> fixedColumn, List<int>[] neighbours)
    {
        var position = new Dictionary<int, int>();
        for (var i = 0; i < fixedColumn.Count; i++)
        {
            position[fixedColumn[i]] = i;
        }

        var keyed = column.Select((node, i) =>
        {
            var ps = neighbours[node].Where(position.ContainsKey).Select(n => (double)position[n]).ToList();
            return (Node: node, Key: ps.Count == 0 ? i : ps.Average(), Tie: i);
        }).OrderBy(t => t.Key).ThenBy(t => t.Tie).Select(t => t.Node).ToList();
        column.Clear();
        column.AddRange(keyed);
    }

    private static int Crossings(List<List<int>> columns, List<int>[] forward)
    {
        var total = 0;
        for (var l = 0; l + 1 < columns.Count; l++)
        {
            var next = new Dictionary<int, int>();
            for (var i = 0; i < columns[l + 1].Count; i++)
            {
                next[columns[l + 1][i]] = i;
            }

            var segments = new List<(int A, int B)>();
            for (var i = 0; i < columns[l].Count; i++)
            {
                foreach (var v in forward[columns[l][i]])
                {
                    if (next.TryGetValue(v, out var j))
                    {
                        segments.Add((i, j));
                    }
                }
            }

            for (var a = 0; a < segments.Count; a++)
            {
                for (var b = a + 1; b < segments.Count; b++)
                {
                    if ((segments[a].A - segments[b].A) * (segments[a].B - segments[b].B) < 0)
                    {
                        total++;
                    }
                }
            }
        }

        return total;
    }
}
