using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Tests.Gpu;

/// <summary>Checks once whether ILGPU sees a CUDA device.</summary>
internal static class CudaProbe
{
    private static readonly Lazy<bool> s_available = new(() => HeatSolver.IsBackendAvailable(HeatBackend.Cuda));

    public static bool IsAvailable => s_available.Value;
}
