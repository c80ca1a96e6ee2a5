namespace FactoryTwin.Thermal.Solver;

/// <summary>One fork/join job of the <see cref="WorkerPool"/>: chunk <c>c</c> of a fixed partition.</summary>
internal abstract class PoolJob
{
    /// <summary>Runs chunk <paramref name="chunk"/>.</summary>
    public abstract void RunChunk(int chunk);
}
