namespace FactoryTwin.Thermal.Gpu;

/// <summary>Uniform parameters of <see cref="IlgpuKernels.Boundary"/>: one face's condition at one instant and the step.</summary>
internal struct FaceParams
{
    public int Kind;
    public double Value;
    public double H;
    public double Emissivity;
    public double Radiant;
    public double InvSpacing;
    public double Dt;
}
