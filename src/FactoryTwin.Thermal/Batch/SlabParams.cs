namespace FactoryTwin.Thermal.Batch;

/// <summary>Uniform parameters of a batched slab step (CPU kernel and ILGPU kernel).</summary>
internal struct SlabParams
{
    /// <summary>Padded problem count (stride between cells and between parameter blocks).</summary>
    public int N;

    /// <summary>Cells per problem.</summary>
    public int M;

    public double Dt;

    public double Theta;
}
