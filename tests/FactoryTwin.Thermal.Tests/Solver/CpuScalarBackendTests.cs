using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Tests.Solver;

public sealed class CpuScalarBackendTests : HeatSolverBackendTests
{
    protected override HeatBackend Backend => HeatBackend.CpuScalar;
}
