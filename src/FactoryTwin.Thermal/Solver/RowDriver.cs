namespace FactoryTwin.Thermal.Solver;

/// <summary>Runs an <see cref="IRowKernel"/> over all rows, in parallel chunks above a size threshold.</summary>
internal static class RowDriver
{
    /// <summary>Runs <paramref name="kernel"/> over <paramref name="rows"/> rows; <paramref name="parallel"/> splits them into fixed chunks.</summary>
    public static void Run<TKernel>(TKernel kernel, int rows, bool parallel)
        where TKernel : struct, IRowKernel
    {
        if (!parallel || rows < 2)
        {
            kernel.Rows(0, rows);
            return;
        }

        var chunks = RowPartition.ChunkCount(rows);

        // Parallel.For allocates a little bookkeeping per call; the serial path above allocates nothing.
        Parallel.For(0, chunks, c =>
        {
            var (s, e) = RowPartition.Range(c, chunks, rows);
            kernel.Rows(s, e);
        });
    }

    /// <summary>Runs a reducing kernel: each chunk writes its partial result to <paramref name="partials"/>, which are summed in chunk order (deterministic).</summary>
    public static double RunSum<TKernel>(TKernel kernel, int rows, bool parallel, double[] partials)
        where TKernel : struct, IReducingRowKernel
    {
        if (!parallel || rows < 2)
        {
            return kernel.Rows(0, rows);
        }

        var chunks = RowPartition.ChunkCount(rows);
        Parallel.For(0, chunks, c =>
        {
            var (s, e) = RowPartition.Range(c, chunks, rows);
            partials[c] = kernel.Rows(s, e);
        });
        var sum = 0.0;
        for (var c = 0; c < chunks; c++)
        {
            sum += partials[c];
        }

        return sum;
    }
}
