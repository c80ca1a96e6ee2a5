namespace FactoryTwin.Thermal.Implicit;

/// <summary>A symmetric positive-definite approximation z = M⁻¹r of the inverse of a <see cref="StencilMatrix"/>.</summary>
internal interface IPreconditioner
{
    /// <summary>Rebuilds the parts that depend on the fine diagonal (after Δt or boundary coefficients change).</summary>
    void Update();

    /// <summary>z = M⁻¹·r; returns r·z (fused into the last pass, which saves CG a dot product).</summary>
    double Apply(double[] r, double[] z);
}
