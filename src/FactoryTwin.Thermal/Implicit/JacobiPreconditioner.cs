namespace FactoryTwin.Thermal.Implicit;

/// <summary>Diagonal scaling z = r/d.</summary>
internal sealed class JacobiPreconditioner : IPreconditioner
{
    private readonly StencilMatrix _a;

    public JacobiPreconditioner(StencilMatrix a) => _a = a;

    public void Update()
    {
    }

    public double Apply(double[] r, double[] z)
    {
        var d = _a.Diagonal;
        var rz = 0.0;
        for (var i = 0; i < d.Length; i++)
        {
            z[i] = r[i] / d[i];
            rz += r[i] * z[i];
        }

        return rz;
    }
}
