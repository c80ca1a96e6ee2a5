namespace FactoryTwin.Thermal.Solver;

/// <summary>The cached pool job of one reducing row-kernel type: chunk <c>c</c> writes its partial sum to <c>partials[c]</c>.</summary>
internal sealed class SumJob<TKernel> : PoolJob
    where TKernel : struct, IReducingRowKernel
{
    public static readonly SumJob<TKernel> Instance = new();

    private TKernel _kernel;
    private int _rows;
    private int _chunks;
    private double[] _partials = [];

    public void Set(TKernel kernel, int rows, int chunks, double[] partials)
    {
        _kernel = kernel;
        _rows = rows;
        _chunks = chunks;
        _partials = partials;
    }

    /// <summary>Drops the kernel's array references so that a finished solver can be collected.</summary>
    public void Clear()
    {
        _kernel = default;
        _partials = [];
    }

    public override void RunChunk(int chunk)
    {
        var (s, e) = RowPartition.Range(chunk, _chunks, _rows);
        _partials[chunk] = _kernel.Rows(s, e);
    }
}
