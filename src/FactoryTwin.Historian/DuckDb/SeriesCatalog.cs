using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Historian.DuckDb;

/// <summary>
/// The in-memory copy of the <c>series</c> table: name ↔ dense integer id, and each series' newest stored key
/// (ts, seq) and value — the watermark that lets an append skip the duplicate check for points newer than anything
/// stored. DuckDB allows one writing process per file, so the copy cannot go stale. New series are pending until
/// <see cref="Commit"/> and dropped by <see cref="Rollback"/>.
/// </summary>
internal sealed class SeriesCatalog
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _pending = [];
    private string[] _names = new string[64];
    private long[] _lastTs = new long[64];
    private long[] _lastSeq = new long[64];
    private double[] _lastValue = new double[64];
    private bool[] _hasLast = new bool[64];
    private int _committedCount;

    /// <summary>Gets the number of ids handed out, pending ones included; ids are 1..Count.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the names of the new series of the current batch; the k-th has id <see cref="CommittedCount"/> + 1 + k.</summary>
    public IReadOnlyList<string> PendingNames => _pending;

    /// <summary>Gets the number of ids stored in the database.</summary>
    public int CommittedCount => _committedCount;

    public void Load(int id, string name, long? lastTs, long? lastSeq, double? lastValue)
    {
        EnsureCapacity(id);
        _ids[name] = id;
        _names[id] = name;
        if (lastTs is { } ts)
        {
            _lastTs[id] = ts;
            _lastSeq[id] = lastSeq ?? long.MinValue;
            _lastValue[id] = lastValue ?? double.NaN;
            _hasLast[id] = true;
        }

        Count = Math.Max(Count, id);
        _committedCount = Count;
    }

    public bool TryGetId(string name, out int id) => _ids.TryGetValue(name, out id);

    /// <summary>Gets the id of a series, handing out a pending one for a new series.</summary>
    public int GetOrAdd(string name)
    {
        if (_ids.TryGetValue(name, out var id))
        {
            return id;
        }

        id = Count + 1;
        EnsureCapacity(id);
        _ids.Add(name, id);
        _names[id] = name;
        _hasLast[id] = false;
        _pending.Add(name);
        Count = id;
        return id;
    }

    public string NameOf(int id) => _names[id];

    public bool HasLast(int id) => _hasLast[id];

    public long LastTs(int id) => _lastTs[id];

    public long LastSeq(int id) => _lastSeq[id];

    public double LastValue(int id) => _lastValue[id];

    public void SetLast(int id, long ts, long seq, double value)
    {
        _lastTs[id] = ts;
        _lastSeq[id] = seq;
        _lastValue[id] = value;
        _hasLast[id] = true;
    }

    public void Commit()
    {
        _pending.Clear();
        _committedCount = Count;
    }

    public void Rollback()
    {
        foreach (var name in _pending)
        {
            _ids.Remove(name);
        }

        _pending.Clear();
        Count = _committedCount;
    }

    private void EnsureCapacity(int id)
    {
        if (id < _names.Length)
        {
            return;
        }

        var size = Math.Max(id + 1, _names.Length * 2);
        Array.Resize(ref _names, size);
        Array.Resize(ref _lastTs, size);
        Array.Resize(ref _lastSeq, size);
        Array.Resize(ref _lastValue, size);
        Array.Resize(ref _hasLast, size);
    }
}
