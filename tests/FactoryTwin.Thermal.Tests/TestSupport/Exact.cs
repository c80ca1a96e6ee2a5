namespace FactoryTwin.Thermal.Tests.TestSupport;

/// <summary>Analytic solutions used as references.</summary>
internal static class Exact
{
    /// <summary>erfc via the continued-fraction-free W. J. Cody style rational fit (Numerical Recipes erfcc, |rel err| &lt; 1.2e-7).</summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + (0.5 * z));
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var poly = 0.0;
        for (var i = c.Length - 1; i >= 0; i--)
        {
            poly = c[i] + (t * poly);
        }

        var ans = t * Math.Exp((-z * z) + poly);
        return x >= 0 ? ans : 2.0 - ans;
    }

    /// <summary>The first <paramref name="count"/> roots of λ·tan λ = Bi (bisection in (nπ, nπ + π/2)).</summary>
    public static double[] PlaneWallEigenvalues(double biot, int count)
    {
        var roots = new double[count];
        for (var n = 0; n < count; n++)
        {
            var lo = n * Math.PI + 1e-12;
            var hi = n * Math.PI + (Math.PI / 2) - 1e-12;
            for (var it = 0; it < 200; it++)
            {
                var mid = 0.5 * (lo + hi);
                if (mid * Math.Tan(mid) - biot > 0)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }

            roots[n] = 0.5 * (lo + hi);
        }

        return roots;
    }

    /// <summary>
    /// Plane wall of half-thickness L, convection on both faces (Incropera, eq. 5.42):
    /// (T − T∞)/(Ti − T∞) = Σ Cₙ exp(−λₙ² Fo) cos(λₙ x/L), Cₙ = 4 sin λₙ/(2λₙ + sin 2λₙ), x from the mid-plane.
    /// </summary>
    public static double PlaneWall(double x, double halfThickness, double alpha, double time, double biot, double ti, double tInf, double[] eigen)
    {
        var fo = alpha * time / (halfThickness * halfThickness);
        var sum = 0.0;
        foreach (var l in eigen)
        {
            var c = 4.0 * Math.Sin(l) / ((2.0 * l) + Math.Sin(2.0 * l));
            sum += c * Math.Exp(-l * l * fo) * Math.Cos(l * x / halfThickness);
        }

        return tInf + ((ti - tInf) * sum);
    }

    /// <summary>Least-squares slope of log(error) against log(h).</summary>
    public static double ObservedOrder(ReadOnlySpan<double> h, ReadOnlySpan<double> error)
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        var n = h.Length;
        for (var i = 0; i < n; i++)
        {
            var x = Math.Log(h[i]);
            var y = Math.Log(error[i]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }

        return ((n * sxy) - (sx * sy)) / ((n * sxx) - (sx * sx));
    }
}
