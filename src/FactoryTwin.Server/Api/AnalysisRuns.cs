namespace FactoryTwin.Server.Api;

/// <summary>
/// The latest what-if runs and buffer searches of this host (in memory, newest first, at most <see cref="Capacity"/> of
/// each), and the gate that lets one analysis run at a time: each uses every core.
/// </summary>
internal sealed class AnalysisRuns
{
    /// <summary>How many runs of each kind are kept.</summary>
    public const int Capacity = 20;

    private readonly Lock _gate = new();
    private readonly LinkedList<WhatIfRunView> _whatIfs = new();
    private readonly LinkedList<BufferOptimizationView> _buffers = new();
    private int _running;

    /// <summary>Tries to start an analysis; false when another is running.</summary>
    public bool TryEnter() => Interlocked.CompareExchange(ref _running, 1, 0) == 0;

    /// <summary>Ends the analysis started by <see cref="TryEnter"/>.</summary>
    public void Exit() => Volatile.Write(ref _running, 0);

    public void Add(WhatIfRunView run)
    {
        lock (_gate)
        {
            _whatIfs.AddFirst(run);
            if (_whatIfs.Count > Capacity)
            {
                _whatIfs.RemoveLast();
            }
        }
    }

    public void Add(BufferOptimizationView run)
    {
        lock (_gate)
        {
            _buffers.AddFirst(run);
            if (_buffers.Count > Capacity)
            {
                _buffers.RemoveLast();
            }
        }
    }

    public IReadOnlyList<WhatIfRunView> WhatIfs()
    {
        lock (_gate)
        {
            return [.. _whatIfs];
        }
    }

    public IReadOnlyList<BufferOptimizationView> BufferSearches()
    {
        lock (_gate)
        {
            return [.. _buffers];
        }
    }
}
