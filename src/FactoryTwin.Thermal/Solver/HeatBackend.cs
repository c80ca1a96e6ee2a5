namespace FactoryTwin.Thermal.Solver;

/// <summary>Where a solver runs.</summary>
public enum HeatBackend
{
    /// <summary>Plain C#: <see cref="System.Numerics.Vector{T}"/> SIMD and <see cref="Parallel"/> over rows/planes above a size threshold.</summary>
    Cpu = 0,

    /// <summary>Plain C# without SIMD: the scalar twin of <see cref="Cpu"/> (reference and tests).</summary>
    CpuScalar = 1,

    /// <summary>ILGPU kernels on ILGPU's CPU accelerator (an emulator, about 1000× slower than <see cref="Cpu"/>: tests only).</summary>
    IlgpuCpu = 2,

    /// <summary>ILGPU kernels on the first CUDA device; creation fails when none is present.</summary>
    Cuda = 3,
}
