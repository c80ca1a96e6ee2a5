namespace FactoryTwin.Thermal.Implicit;

/// <summary>
/// The Thomas algorithm (tridiagonal LU without pivoting) for aᵢxᵢ₋₁ + bᵢxᵢ + cᵢxᵢ₊₁ = dᵢ; stable for the diagonally
/// dominant systems of implicit heat conduction (Thomas 1949; Press et al., <i>Numerical Recipes</i>, §2.4).
/// </summary>
internal static class Thomas
{
    /// <summary>Solves in place: <paramref name="d"/> becomes x; <paramref name="scratch"/> holds n values.</summary>
    public static void Solve(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, Span<double> d, Span<double> scratch)
    {
        var n = d.Length;
        var beta = b[0];
        d[0] /= beta;
        for (var i = 1; i < n; i++)
        {
            scratch[i] = c[i - 1] / beta;
            beta = b[i] - (a[i] * scratch[i]);
            d[i] = (d[i] - (a[i] * d[i - 1])) / beta;
        }

        for (var i = n - 2; i >= 0; i--)
        {
            d[i] -= scratch[i + 1] * d[i + 1];
        }
    }
}
