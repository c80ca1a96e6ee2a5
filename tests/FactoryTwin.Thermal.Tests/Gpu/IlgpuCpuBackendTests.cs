using FactoryTwin.Thermal.Solver;
using FactoryTwin.Thermal.Tests.Solver;

namespace FactoryTwin.Thermal.Tests.Gpu;

/// <summary>The ILGPU kernels on ILGPU's CPU accelerator (always runs; tiny grids only).</summary>
public sealed class IlgpuCpuBackendTests : HeatSolverBackendTests
{
    protected override HeatBackend Backend => HeatBackend.IlgpuCpu;
}
