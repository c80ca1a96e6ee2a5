using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Tests.Solver;

public sealed class CpuBackendTests : HeatSolverBackendTests
{
    protected override HeatBackend Backend => HeatBackend.Cpu;
}
