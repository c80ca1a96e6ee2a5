using FactoryTwin.Thermal.Implicit;

namespace FactoryTwin.Thermal.Tests.Implicit;

public sealed class MultigridPreconditionerTests
{
    [Theory]
    [InlineData(33, 20, 1, true)]
    [InlineData(33, 20, 1, false)]
    [InlineData(11, 9, 8, true)]
    public void Apply_VariableCoefficients_IsSymmetricAndPositive(int nx, int ny, int nz, bool parallel)
    {
        var mg = Create(nx, ny, nz, simd: true, parallel, out var n);
        var rnd = new Random(42);
        var u = Vector(n, rnd);
        var v = Vector(n, rnd);
        var mu = new double[n];
        var mv = new double[n];
        var uMu = mg.Apply(u, mu);
        mg.Apply(v, mv);
        var uMv = Dot(u, mv);
        var vMu = Dot(v, mu);

        // the V-cycle runs in float32: symmetric to float32 rounding, not to float64 rounding
        Assert.True(Math.Abs(uMv - vMu) <= 1e-5 * Math.Sqrt(Dot(u, mu) * Dot(v, mv)), $"u·Mv = {uMv}, v·Mu = {vMu}");
        Assert.True(uMu > 0.0);
        Assert.Equal(Dot(u, mu), uMu, 1e-9 * Math.Abs(uMu));
    }

    [Theory]
    [InlineData(37, 23, 1)]
    [InlineData(19, 12, 10)]
    public void Apply_SimdAndScalar_Agree(int nx, int ny, int nz)
    {
        var simd = Create(nx, ny, nz, simd: true, parallel: false, out var n);
        var scalar = Create(nx, ny, nz, simd: false, parallel: false, out _);
        var r = Vector(n, new Random(7));
        var zs = new double[n];
        var zr = new double[n];
        var a = simd.Apply(r, zs);
        var b = scalar.Apply(r, zr);
        var max = 0.0;
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            max = Math.Max(max, Math.Abs(zs[i] - zr[i]));
            scale = Math.Max(scale, Math.Abs(zr[i]));
        }

        Assert.True(max <= 1e-6 * scale, $"max difference {max} (scale {scale})");
        Assert.Equal(b, a, 1e-9 * Math.Abs(b));
    }

    private static MultigridPreconditioner Create(int nx, int ny, int nz, bool simd, bool parallel, out int n)
    {
        n = nx * ny * nz;
        var rnd = new Random(1);
        var gx = new double[n];
        var gy = new double[n];
        var gz = nz > 1 ? new double[n] : [];
        var sumG = new double[n];
        for (var idx = 0; idx < n; idx++)
        {
            var i = idx % nx;
            var j = idx / nx % ny;
            var k = idx / (nx * ny);
            gx[idx] = i < nx - 1 ? 0.5 + (4 * rnd.NextDouble()) : 0.0;
            gy[idx] = j < ny - 1 ? 0.5 + (4 * rnd.NextDouble()) : 0.0;
            if (nz > 1)
            {
                gz[idx] = k < nz - 1 ? 0.5 + (4 * rnd.NextDouble()) : 0.0;
            }
        }

        for (var idx = 0; idx < n; idx++)
        {
            var i = idx % nx;
            var j = idx / nx % ny;
            var k = idx / (nx * ny);
            sumG[idx] = gx[idx] + (i > 0 ? gx[idx - 1] : 0) + gy[idx] + (j > 0 ? gy[idx - nx] : 0)
                + (nz > 1 ? gz[idx] + (k > 0 ? gz[idx - (nx * ny)] : 0) : 0);
        }

        var m = new StencilMatrix(nx, ny, nz, gx, gy, gz, 1.0, parallel, simd);
        for (var idx = 0; idx < n; idx++)
        {
            m.Diagonal[idx] = sumG[idx] + 0.3 + rnd.NextDouble();
        }

        var mg = new MultigridPreconditioner(m, sumG, simd);
        mg.Update();
        return mg;
    }

    private static double[] Vector(int n, Random rnd)
    {
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            v[i] = rnd.NextDouble() - 0.5;
        }

        return v;
    }

    private static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
