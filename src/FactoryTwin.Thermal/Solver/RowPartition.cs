namespace FactoryTwin.Thermal.Solver;

/// <summary>Splits a range of rows into a fixed number of contiguous chunks (fixed so that parallel reductions are deterministic).</summary>
internal static class RowPartition
{
    /// <summary>The number of chunks used for <paramref name="rows"/> rows when running in parallel.</summary>
    public static int ChunkCount(int rows) => Math.Max(1, Math.Min(rows, Environment.ProcessorCount * 4));

    /// <summary>The half-open row range of chunk <paramref name="chunk"/> of <paramref name="chunks"/>.</summary>
    public static (int Start, int End) Range(int chunk, int chunks, int rows)
    {
        var start = (int)((long)rows * chunk / chunks);
        var end = (int)((long)rows * (chunk + 1) / chunks);
        return (start, end);
    }
}
