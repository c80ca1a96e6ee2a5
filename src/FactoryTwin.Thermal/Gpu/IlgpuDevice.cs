using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Thermal.Gpu;

/// <summary>An ILGPU context and accelerator owned by one solver.</summary>
internal sealed class IlgpuDevice : IDisposable
{
    private IlgpuDevice(Context context, Accelerator accelerator)
    {
        Context = context;
        Accelerator = accelerator;
    }

    public Context Context { get; }

    public Accelerator Accelerator { get; }

    /// <summary>True when ILGPU finds at least one CUDA device.</summary>
    public static bool IsCudaAvailable()
    {
        using var context = Context.Create(b => b.Cuda());
        return context.GetCudaDevices().Count > 0;
    }

    public static IlgpuDevice Create(HeatBackend backend)
    {
        if (backend == HeatBackend.Cuda)
        {
            var context = Context.Create(b => b.Cuda().Optimize(OptimizationLevel.O1));
            if (context.GetCudaDevices().Count == 0)
            {
                context.Dispose();
                ThrowHelper.ThrowNotSupported("No CUDA device is present; use HeatBackend.Cpu or HeatBackend.IlgpuCpu.");
            }

            return new IlgpuDevice(context, context.CreateCudaAccelerator(0));
        }

        var cpu = Context.Create(b => b.CPU().Optimize(OptimizationLevel.O1));
        return new IlgpuDevice(cpu, cpu.CreateCPUAccelerator(0));
    }

    public void Dispose()
    {
        Accelerator.Dispose();
        Context.Dispose();
    }
}
