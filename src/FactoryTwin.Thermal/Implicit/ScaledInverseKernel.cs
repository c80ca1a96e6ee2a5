using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Implicit;

/// <summary>x = ω·b/d: the first weighted-Jacobi sweep from x = 0.</summary>
internal readonly struct ScaledInverseKernel(int nx, double[] b, double[] d, double[] x, double omega) : IRowKernel
{
    public void Rows(int start, int end)
    {
        var bs = b.AsSpan(start * nx, (end - start) * nx);
        var ds = d.AsSpan(start * nx, bs.Length);
        var xs = x.AsSpan(start * nx, bs.Length);
        for (var i = 0; i < xs.Length; i++)
        {
            xs[i] = omega * bs[i] / ds[i];
        }
    }
}
