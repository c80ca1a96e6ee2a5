using System.Runtime.CompilerServices;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Tests.Gpu;

/// <summary>A fact that is skipped when no CUDA device is present.</summary>
public sealed class GpuFactAttribute : FactAttribute
{
    public GpuFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!CudaProbe.IsAvailable)
        {
            Skip = "No CUDA device is present.";
        }
    }
}
