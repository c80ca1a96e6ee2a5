namespace FactoryTwin.Thermal.Implicit;

/// <summary>Diagonal scaling z = r/d.</summary>
internal sealed class JacobiPreconditioner : IPreconditioner
{
    private readonly StencilMatrix _a;

    public JacobiPreconditioner(StencilMatrix a) => _a = a;

    public void Update()
    {
    }

    public void Apply(double[] r, double[] z)
    {
        var d = _a.Diagonal;
        for (var i = 0; i < d.Length; i++)
        {
            z[i] = r[i] / d[i];
        }
    }
}
