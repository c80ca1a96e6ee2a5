namespace FactoryTwin.Thermal.Gpu;

/// <summary>Uniform parameters of <see cref="IlgpuKernels.Stencil"/>.</summary>
internal struct StencilParams
{
    public int Nx;
    public int Ny;
    public int Nz;
    public double Dt;
}
