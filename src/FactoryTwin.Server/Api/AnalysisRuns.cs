using FactoryTwin.Server.Fitting;

namespace FactoryTwin.Server.Api;

/// <summary>
/// The latest what-if runs, buffer searches and plant fits of this host (in memory, newest first, at most
/// <see cref="Capacity"/> of each), and the gate that lets one analysis run at a time: each uses every core or reads
/// the historian at length.
/// </summary>
internal sealed class AnalysisRuns
{
    /// <summary>How many runs of each kind are kept.</summary>
    public const int Capacity = 20;

    private readonly Lock _gate = new();
    private readonly LinkedList<WhatIfRunView> _whatIfs = new();
    private readonly LinkedList<BufferOptimizationView> _buffers = new();
    private readonly LinkedList<PlantFitRunView> _fits = new();
    private int _running;

    /// <summary>Tries to start an analysis; false when another is running.</summary>
    public bool TryEnter() => Interlocked.CompareExchange(ref _running, 1, 0) == 0;

    /// <summary>Ends the analysis started by <see cref="TryEnter"/>.</summary>
    public void Exit() => Volatile.Write(ref _running, 0);

    /// <summary>A new run id: 12 hexadecimal digits.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..12];

    public void Add(WhatIfRunView run) => Push(_whatIfs, run);

    public void Add(BufferOptimizationView run) => Push(_buffers, run);

    public void Add(PlantFitRunView run) => Push(_fits, run);

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

    public IReadOnlyList<PlantFitRunView> Fits()
    {
        lock (_gate)
        {
            return [.. _fits];
        }
    }

    private void Push<T>(LinkedList<T> runs, T run)
    {
        lock (_gate)
        {
            runs.AddFirst(run);
            if (runs.Count > Capacity)
            {
                runs.RemoveLast();
            }
        }
    }
}
