namespace FactoryTwin.Thermal.Solver;

/// <summary>Runs an <see cref="IRowKernel"/> over all rows, in parallel chunks above a size threshold.</summary>
/// <remarks>
/// Parallel runs go to the allocation-free <see cref="WorkerPool"/>; only when the pool is busy (another solver stepping on
/// another thread at the same moment) does a call fall back to <c>Parallel.For</c>, which allocates a little bookkeeping.
/// Either way the chunks are the fixed <see cref="RowPartition"/> ranges, so reductions are summed in the same order
/// and results do not depend on which path ran.
/// </remarks>
internal static class RowDriver
{
    /// <summary>Runs <paramref name="kernel"/> over <paramref name="rows"/> rows; <paramref name="parallel"/> splits them into fixed chunks.</summary>
    public static void Run<TKernel>(TKernel kernel, int rows, bool parallel)
        where TKernel : struct, IRowKernel
    {
        if (!parallel || rows < 2 || !WorkerPool.HasWorkers)
        {
            kernel.Rows(0, rows);
            return;
        }

        var chunks = RowPartition.ChunkCount(rows);
        if (WorkerPool.TryEnter())
        {
            var job = RowJob<TKernel>.Instance;
            try
            {
                job.Set(kernel, rows, chunks);
                WorkerPool.Run(job, chunks);
            }
            finally
            {
                job.Clear();
                WorkerPool.Exit();
            }

            return;
        }

        RunOnThreadPool(kernel, rows, chunks);
    }

    /// <summary>Runs a reducing kernel: each chunk writes its partial result to <paramref name="partials"/>, which are summed in chunk order (deterministic).</summary>
    public static double RunSum<TKernel>(TKernel kernel, int rows, bool parallel, double[] partials)
        where TKernel : struct, IReducingRowKernel
    {
        if (!parallel || rows < 2 || !WorkerPool.HasWorkers)
        {
            return kernel.Rows(0, rows);
        }

        var chunks = RowPartition.ChunkCount(rows);
        if (WorkerPool.TryEnter())
        {
            var job = SumJob<TKernel>.Instance;
            try
            {
                job.Set(kernel, rows, chunks, partials);
                WorkerPool.Run(job, chunks);
            }
            finally
            {
                job.Clear();
                WorkerPool.Exit();
            }
        }
        else
        {
            RunSumOnThreadPool(kernel, rows, chunks, partials);
        }

        var sum = 0.0;
        for (var c = 0; c < chunks; c++)
        {
            sum += partials[c];
        }

        return sum;
    }

    // the fallbacks live in their own methods: a lambda's closure is allocated on entry to the method that declares the
    // captured variables, so inlining them above would allocate on the pool path too
    private static void RunOnThreadPool<TKernel>(TKernel kernel, int rows, int chunks)
        where TKernel : struct, IRowKernel =>
        Parallel.For(0, chunks, c =>
        {
            var (s, e) = RowPartition.Range(c, chunks, rows);
            kernel.Rows(s, e);
        });

    private static void RunSumOnThreadPool<TKernel>(TKernel kernel, int rows, int chunks, double[] partials)
        where TKernel : struct, IReducingRowKernel =>
        Parallel.For(0, chunks, c =>
        {
            var (s, e) = RowPartition.Range(c, chunks, rows);
            partials[c] = kernel.Rows(s, e);
        });
}
