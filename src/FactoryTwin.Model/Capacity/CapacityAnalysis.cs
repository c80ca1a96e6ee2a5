using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Model.Capacity;

/// <summary>Computes a plant's theoretical capacity from visit ratios (the traffic equations of a Jackson network).</summary>
public static class CapacityAnalysis
{
    /// <summary>Analyzes a validated plant.</summary>
    /// <param name="model">The plant.</param>
    /// <returns>The capacities.</returns>
    public static CapacityReport Analyze(PlantModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var elements = new List<(FlowElement Element, LineId Line)>();
        foreach (var line in model.Lines())
        {
            foreach (var e in line.Elements())
            {
                elements.Add((e, line.Id));
            }
        }

        var n = elements.Count;
        var index = new Dictionary<AssetId, int>();
        for (var i = 0; i < n; i++)
        {
            index[elements[i].Element.Id] = i;
        }

        // Traffic equations v = e + Pᵀv, i.e. (I − Pᵀ) v = e, with e the share of releases at each source.
        var a = new double[n * n];
        var b = new double[n];
        var release = 0.0;
        for (var i = 0; i < n; i++)
        {
            a[(i * n) + i] = 1;
            if (elements[i].Element is Source s && s.InterArrival.Mean > 0)
            {
                b[i] = 3600 / s.InterArrival.Mean;
                release += b[i];
            }
        }

        for (var j = 0; j < n; j++)
        {
            foreach (var (to, p) in Transitions(elements[j].Element, model))
            {
                if (index.TryGetValue(to, out var i))
                {
                    a[(i * n) + j] -= p;
                }
            }
        }

        if (release > 0)
        {
            for (var i = 0; i < n; i++)
            {
                b[i] /= release;
            }
        }

        var v = Solve(a, b, n);
        var result = new List<ElementCapacity>(n);
        for (var i = 0; i < n; i++)
        {
            var (e, line) = elements[i];
            var (kind, perHour) = Capacity(e);
            var visits = Math.Max(0, v[i]);
            var maxRelease = visits > 1e-12 ? perHour / visits : double.PositiveInfinity;
            var utilization = double.IsPositiveInfinity(perHour) ? 0 : release * visits / perHour;
            result.Add(new ElementCapacity(e.Id, line, kind, visits, perHour, maxRelease, utilization));
        }

        var lines = new List<LineCapacity>();
        foreach (var line in model.Lines())
        {
            var best = double.PositiveInfinity;
            AssetId? bottleneck = null;
            foreach (var c in result)
            {
                if (c.Line == line.Id && c.MaxReleasePerHour < best)
                {
                    best = c.MaxReleasePerHour;
                    bottleneck = c.Id;
                }
            }

            lines.Add(new LineCapacity(line.Id, best, bottleneck));
        }

        var plantBest = double.PositiveInfinity;
        AssetId? plantBottleneck = null;
        foreach (var l in lines)
        {
            if (l.MaxReleasePerHour < plantBest)
            {
                plantBest = l.MaxReleasePerHour;
                plantBottleneck = l.Bottleneck;
            }
        }

        return new CapacityReport(release, result, lines, plantBest, plantBottleneck);
    }

    /// <summary>Gets the kind and capacity in parts per hour of an element.</summary>
    private static (string Kind, double PerHour) Capacity(FlowElement e)
    {
        switch (e)
        {
            case Station s when s.Oven is { } oven:
                return ("oven", 3600 * oven.ConveyorSpeed / oven.Pitch * Availability(s));
            case Station s:
                return ("station", s.MeanProcessingTime > 0 ? 3600 * s.Servers / s.MeanProcessingTime * Availability(s) : double.PositiveInfinity);
            case Conveyor c:
                return ("conveyor", 3600 * c.Speed / c.Pitch);
            case Plants.Buffer:
                return ("buffer", double.PositiveInfinity);
            case Source:
                return ("source", double.PositiveInfinity);
            default:
                return ("sink", double.PositiveInfinity);
        }
    }

    // Each failure mode stretches the useful time by 1 + MTTR/MTBF.
    private static double Availability(Station s)
    {
        var stretch = 1.0;
        foreach (var f in s.Failures)
        {
            stretch += f.TimeToRepair.Mean / f.TimeBetweenFailures.Mean;
        }

        return 1 / stretch;
    }

    /// <summary>Routing probabilities out of an element, assuming each split sees the plant's variant mix.</summary>
    private static IEnumerable<(AssetId To, double P)> Transitions(FlowElement e, PlantModel model)
    {
        var pass = 1.0;
        if (e is Station s)
        {
            pass -= s.Scrap;
            if (s.Rework is { } rw)
            {
                pass -= rw.Probability;
                yield return (rw.To, rw.Probability);
            }
        }

        var routes = e.Next;
        if (routes.Count == 0)
        {
            yield break;
        }

        switch (e.Split)
        {
            case SplitRule.ByFraction:
                foreach (var r in routes)
                {
                    yield return (r.To, pass * (r.Fraction ?? 0));
                }

                break;
            case SplitRule.ByVariant:
                foreach (var r in routes)
                {
                    var share = 0.0;
                    foreach (var v in r.Variants)
                    {
                        foreach (var pv in model.Variants)
                        {
                            share += pv.Id == v ? pv.Mix : 0;
                        }
                    }

                    yield return (r.To, pass * share);
                }

                break;
            default:
                foreach (var r in routes)
                {
                    yield return (r.To, pass / routes.Count);
                }

                break;
        }
    }

    /// <summary>Gaussian elimination with partial pivoting on a dense n×n system (plants have at most a few hundred elements).</summary>
    private static double[] Solve(double[] a, double[] b, int n)
    {
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[(r * n) + col]) > Math.Abs(a[(pivot * n) + col]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(a[(pivot * n) + col]) < 1e-14)
            {
                // A closed loop with no exit: leave this unknown at 0.
                continue;
            }

            if (pivot != col)
            {
                for (var k = 0; k < n; k++)
                {
                    (a[(col * n) + k], a[(pivot * n) + k]) = (a[(pivot * n) + k], a[(col * n) + k]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            for (var r = col + 1; r < n; r++)
            {
                var f = a[(r * n) + col] / a[(col * n) + col];
                if (f == 0)
                {
                    continue;
                }

                for (var k = col; k < n; k++)
                {
                    a[(r * n) + k] -= f * a[(col * n) + k];
                }

                b[r] -= f * b[col];
            }
        }

        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var diag = a[(r * n) + r];
            if (Math.Abs(diag) < 1e-14)
            {
                continue;
            }

            var sum = b[r];
            for (var k = r + 1; k < n; k++)
            {
                sum -= a[(r * n) + k] * x[k];
            }

            x[r] = sum / diag;
        }

        return x;
    }
}
