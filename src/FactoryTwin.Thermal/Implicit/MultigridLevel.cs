namespace FactoryTwin.Thermal.Implicit;

/// <summary>One level of the multigrid hierarchy: its matrix, its reaction part (capacity/Δt + boundary) and scratch vectors.</summary>
internal sealed class MultigridLevel
{
    public MultigridLevel(StencilMatrix matrix, bool ownsVectors)
    {
        Matrix = matrix;
        Reaction = new double[matrix.Count];
        R = new double[matrix.Count];
        Tmp = new double[matrix.Count];
        B = ownsVectors ? new double[matrix.Count] : [];
        X = ownsVectors ? new double[matrix.Count] : [];
    }

    public StencilMatrix Matrix { get; }

    /// <summary>Diagonal minus the off-diagonal row sum (ρc/Δt + θ·boundary), per cell.</summary>
    public double[] Reaction { get; }

    public double[] R { get; }

    public double[] Tmp { get; }

    public double[] B { get; }

    public double[] X { get; }
}
