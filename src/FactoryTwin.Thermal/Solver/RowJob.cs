namespace FactoryTwin.Thermal.Solver;

/// <summary>
/// The cached pool job of one row-kernel type (one instance per <typeparamref name="TKernel"/>, reused: the pool runs one
/// job at a time, so <see cref="Set"/> never races with a running job). The kernel is a readonly struct, so its
/// <c>Rows</c> call is specialized by the JIT; the one virtual call is per chunk, not per cell.
/// </summary>
internal sealed class RowJob<TKernel> : PoolJob
    where TKernel : struct, IRowKernel
{
    public static readonly RowJob<TKernel> Instance = new();

    private TKernel _kernel;
    private int _rows;
    private int _chunks;

    public void Set(TKernel kernel, int rows, int chunks)
    {
        _kernel = kernel;
        _rows = rows;
        _chunks = chunks;
    }

    /// <summary>Drops the kernel's array references so that a finished solver can be collected.</summary>
    public void Clear() => _kernel = default;

    public override void RunChunk(int chunk)
    {
        var (s, e) = RowPartition.Range(chunk, _chunks, _rows);
        _kernel.Rows(s, e);
    }
}
