namespace FactoryTwin.Cli.Commands;

/// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (no synchronization context).</summary>
/// <param name="report">Receives each value; must be thread-safe.</param>
internal sealed class ProgressLines(Action<int> report) : IProgress<int>
{
    public void Report(int value) => report(value);
}
