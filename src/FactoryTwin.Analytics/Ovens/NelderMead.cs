namespace FactoryTwin.Analytics.Ovens;

/// <summary>
/// The Nelder–Mead downhill simplex (Nelder &amp; Mead 1965; coefficients 1, 2, ½, ½ as in Lagarias et al. 1998), with a
/// budget of function evaluations. Deterministic: the initial simplex is x0 plus <c>step</c> along each axis.
/// </summary>
internal static class NelderMead
{
    /// <summary>Minimizes <paramref name="f"/> from <paramref name="x0"/>; returns the best point and its value.</summary>
    public static (double[] X, double F, int Evaluations) Minimize(Func<double[], double> f, double[] x0, double step, int maxEvaluations, double tolerance, CancellationToken cancellationToken)
    {
        var n = x0.Length;
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        var evaluations = 0;
        double Eval(double[] x)
        {
            evaluations++;
            var v = f(x);
            return double.IsNaN(v) ? double.PositiveInfinity : v;
        }

        simplex[0] = (double[])x0.Clone();
        values[0] = Eval(simplex[0]);
        for (var i = 0; i < n; i++)
        {
            simplex[i + 1] = (double[])x0.Clone();
            simplex[i + 1][i] += step;
            values[i + 1] = Eval(simplex[i + 1]);
        }

        var order = Enumerable.Range(0, n + 1).ToArray();
        while (evaluations < maxEvaluations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            var best = order[0];
            var worst = order[n];
            var secondWorst = order[n - 1];
            var size = 0.0;
            for (var i = 1; i <= n; i++)
            {
                for (var k = 0; k < n; k++)
                {
                    size = Math.Max(size, Math.Abs(simplex[order[i]][k] - simplex[best][k]));
                }
            }

            if (size < tolerance && Math.Abs(values[worst] - values[best]) <= tolerance * (1 + Math.Abs(values[best])))
            {
                break;
            }

            var centroid = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var k = 0; k < n; k++)
                {
                    centroid[k] += simplex[order[i]][k] / n;
                }
            }

            double[] Along(double t)
            {
                var x = new double[n];
                for (var k = 0; k < n; k++)
                {
                    x[k] = centroid[k] + (t * (simplex[worst][k] - centroid[k]));
                }

                return x;
            }

            var reflected = Along(-1);
            var fr = Eval(reflected);
            if (fr < values[best])
            {
                var expanded = Along(-2);
                var fe = Eval(expanded);
                (simplex[worst], values[worst]) = fe < fr ? (expanded, fe) : (reflected, fr);
                continue;
            }

            if (fr < values[secondWorst])
            {
                (simplex[worst], values[worst]) = (reflected, fr);
                continue;
            }

            var contracted = fr < values[worst] ? Along(-0.5) : Along(0.5);
            var fc = Eval(contracted);
            if (fc < Math.Min(fr, values[worst]))
            {
                (simplex[worst], values[worst]) = (contracted, fc);
                continue;
            }

            // Shrink towards the best vertex.
            for (var i = 1; i <= n; i++)
            {
                var v = order[i];
                for (var k = 0; k < n; k++)
                {
                    simplex[v][k] = simplex[best][k] + (0.5 * (simplex[v][k] - simplex[best][k]));
                }

                values[v] = Eval(simplex[v]);
            }
        }

        var argmin = 0;
        for (var i = 1; i <= n; i++)
        {
            if (values[i] < values[argmin])
            {
                argmin = i;
            }
        }

        return (simplex[argmin], values[argmin], evaluations);
    }
}
