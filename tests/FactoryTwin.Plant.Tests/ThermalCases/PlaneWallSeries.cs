namespace FactoryTwin.Plant.Tests.ThermalCases;

/// <summary>
/// Plane wall of half-thickness L with convection on its faces (Incropera, Fundamentals of Heat and Mass Transfer, eq. 5.42):
/// (T − T∞)/(Ti − T∞) = Σ Cₙ exp(−λₙ² Fo) cos(λₙ x/L), Cₙ = 4 sin λₙ/(2λₙ + sin 2λₙ), λₙ tan λₙ = Bi, x from the mid-plane.
/// </summary>
internal static class PlaneWallSeries
{
    public static double[] Eigenvalues(double biot, int count)
    {
        var roots = new double[count];
        for (var n = 0; n < count; n++)
        {
            // λ tan λ − Bi increases on (nπ, nπ + π/2): bisection
            var lo = (n * Math.PI) + 1e-12;
            var hi = (n * Math.PI) + (Math.PI / 2) - 1e-12;
            for (var it = 0; it < 200; it++)
            {
                var mid = 0.5 * (lo + hi);
                if ((mid * Math.Tan(mid)) - biot > 0)
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

    public static double Temperature(double x, double halfThickness, double alpha, double time, double initial, double ambient, double[] eigen)
    {
        var fo = alpha * time / (halfThickness * halfThickness);
        var sum = 0.0;
        foreach (var l in eigen)
        {
            var c = 4.0 * Math.Sin(l) / ((2.0 * l) + Math.Sin(2.0 * l));
            sum += c * Math.Exp(-l * l * fo) * Math.Cos(l * x / halfThickness);
        }

        return ambient + ((initial - ambient) * sum);
    }
}
