using FactoryTwin.Simulation.Kernel;

namespace FactoryTwin.Simulation.Modeling;

/// <summary>
/// The yardstick of the engine's speed (<c>factorytwin bench des</c> and the benchmark <c>EngineVersusHandWrittenBenchmarks</c>):
/// a single-purpose simulation of one serial line, as
/// one would write it by hand for that line alone — a saturated source, stations with one server each, a buffer of fixed
/// capacity between two stations, blocking after service, failures on the operating clock (the time to failure runs
/// only while a station works; a failure interrupts the part, which resumes after the repair). One binary heap
/// (<see cref="PriorityQueue{TElement, TPriority}"/>) of (time, station and kind); no statistics but the parts out. It
/// draws from the engine's generator and distributions, so the comparison is of the simulation, not of the random
/// numbers.
/// </summary>
public sealed class HandWrittenSerialLine
{
    private const int Complete = 0;
    private const int Fail = 1;
    private const int Repair = 2;

    private readonly int _stations;
    private readonly int _capacity;
    private readonly Distribution _processing;
    private readonly Distribution _timeToFailure;
    private readonly Distribution _timeToRepair;
    private readonly int[] _buffer; // parts waiting in front of station i (i ≥ 1; station 0 is fed by the saturated source)
    private readonly bool[] _busy;
    private readonly bool[] _blocked;
    private readonly double[] _remaining; // processing left of a part interrupted by a failure
    private readonly double[] _toFailure; // operating time left before the next failure
    private readonly SeededRandom[] _work;
    private readonly SeededRandom[] _failures;
    private readonly PriorityQueue<int, double> _events = new();
    private double _now;
    private long _out;

    /// <summary>The engine's reference line (<see cref="ReferenceLines.TenStationWithFailures"/>) written by hand.</summary>
    /// <returns>The line.</returns>
    public static HandWrittenSerialLine TenStationWithFailures() =>
        new(10, 5, Distribution.LogNormal(60, 0.25), Distribution.Exponential(3600), Distribution.Exponential(300));

    /// <summary>Creates the line.</summary>
    /// <param name="stations">Stations in series.</param>
    /// <param name="capacity">Places in each buffer between two stations.</param>
    /// <param name="processing">Processing time of every station.</param>
    /// <param name="timeToFailure">Operating time between failures.</param>
    /// <param name="timeToRepair">Repair time.</param>
    public HandWrittenSerialLine(int stations, int capacity, Distribution processing, Distribution timeToFailure, Distribution timeToRepair)
    {
        _stations = stations;
        _capacity = capacity;
        _processing = processing;
        _timeToFailure = timeToFailure;
        _timeToRepair = timeToRepair;
        _buffer = new int[stations];
        _busy = new bool[stations];
        _blocked = new bool[stations];
        _remaining = new double[stations];
        _toFailure = new double[stations];
        _work = new SeededRandom[stations];
        _failures = new SeededRandom[stations];
    }

    /// <summary>Runs one replication from an empty line to <paramref name="end"/> seconds.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="replication">The replication (its own streams).</param>
    /// <param name="end">The end time in seconds.</param>
    /// <returns>The parts that left the last station.</returns>
    public long Run(ulong seed, int replication, double end)
    {
        _events.Clear();
        _now = 0;
        _out = 0;
        for (int i = 0; i < _stations; i++)
        {
            _buffer[i] = 0;
            _busy[i] = _blocked[i] = false;
            _work[i] = SeededRandom.Create(seed, replication, (ulong)(2 * i));
            _failures[i] = SeededRandom.Create(seed, replication, (ulong)((2 * i) + 1));
            _toFailure[i] = _timeToFailure.Sample(ref _failures[i]);
        }

        TryStart(0);
        while (_events.TryDequeue(out int e, out double t) && t < end)
        {
            _now = t;
            int i = e >> 2;
            switch (e & 3)
            {
                case Complete:
                    Completed(i);
                    break;
                case Fail:
                    _events.Enqueue((i << 2) | Repair, _now + _timeToRepair.Sample(ref _failures[i]));
                    break;
                default:
                    _toFailure[i] = _timeToFailure.Sample(ref _failures[i]);
                    Work(i, _remaining[i]);
                    break;
            }
        }

        return _out;
    }

    private void TryStart(int i)
    {
        if (_busy[i] || _blocked[i] || (i > 0 && _buffer[i] == 0))
        {
            return;
        }

        if (i > 0)
        {
            _buffer[i]--;
            if (_blocked[i - 1])
            {
                // The place just freed takes the upstream station's finished part; that station starts its next.
                _blocked[i - 1] = false;
                _buffer[i]++;
                TryStart(i - 1);
            }
        }

        _busy[i] = true;
        Work(i, _processing.Sample(ref _work[i]));
    }

    private void Work(int i, double time)
    {
        if (_toFailure[i] < time)
        {
            _remaining[i] = time - _toFailure[i];
            _events.Enqueue((i << 2) | Fail, _now + _toFailure[i]);
        }
        else
        {
            _toFailure[i] -= time;
            _events.Enqueue((i << 2) | Complete, _now + time);
        }
    }

    private void Completed(int i)
    {
        _busy[i] = false;
        if (i == _stations - 1)
        {
            _out++;
        }
        else if (_buffer[i + 1] < _capacity)
        {
            _buffer[i + 1]++;
            TryStart(i + 1);
        }
        else
        {
            _blocked[i] = true;
            return;
        }

        TryStart(i);
    }
}
