using FactoryTwin.Simulation.Kernel;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Snapshots;

namespace FactoryTwin.Simulation.Engine;

/// <summary>
/// One replication of a line: an event-scheduling kernel over the elements of a <see cref="LineModel"/>.
/// Not thread-safe; run replications in parallel with one instance each (see
/// <see cref="Replications.ReplicationRunner"/>). An instance can be reused with <see cref="Reset(int, LineSnapshot?)"/>;
/// after its arrays have grown it allocates nothing per event.
/// </summary>
/// <remarks>
/// Events at equal times run by kind (warm-up end, setup/processing ends, store stop ends, conveyor transit
/// ends, machine repair ends, station repair ends, calendar failures, station-wide failures, operating failures,
/// shift changes, source arrivals), then in the order they were scheduled. Moves of parts that an event enables happen at once, inside that event.
/// </remarks>
public sealed partial class LineSimulation
{
    private const int StatusCount = 6;

    private readonly LineModel _model;
    private readonly SimulationOptions _options;
    private readonly ElementDefinition[] _defs;
    private readonly EventCalendar _calendar = new();

    private readonly MachineState[] _machines;
    private readonly SeededRandom[] _processRng;
    private readonly SeededRandom[] _failureRng;
    private readonly SeededRandom[] _repairRng;
    private readonly SeededRandom[] _qualityRng;
    private readonly SeededRandom[] _routeRng;
    private readonly SeededRandom[] _arrivalRng;
    private readonly SeededRandom[] _mixRng;
    private readonly Distribution[] _processing; // [element * variantCount + variant]
    private readonly double[] _mixCumulative; // attribute a: [_mixOffset[a] + element * valueCount(a) + value]
    private readonly int[] _mixOffset;
    private readonly StoreState[] _stores;
    private readonly SourceState[] _sources;
    private readonly bool[] _offShift;
    private readonly bool[] _calendarOff;
    private readonly ElementInfo[] _info;
    private readonly int[] _links; // inputs and outputs of every element, addressed by ElementInfo ranges
    private readonly int[] _room; // parts each element can take now (CanAccept = room > 0)
    private readonly int[] _freeMachines; // per station: machines with no part that are up
    private readonly StationFailureState[] _stationFailures; // per station with station-wide failures
    private readonly int _variantCount;
    private readonly IPartInspector?[] _inspectors; // per station: this run's inspector in place of the model's
    private readonly IReleasePlan?[] _releasePlans; // per source: this run's release plan in place of the random mix
    private readonly bool _trackBottlenecks;

    private PartRecord[] _parts = new PartRecord[64];
    private int[] _freeParts = new int[64];
    private int _freeCount;
    private int _partCount;

    private double _now;
    private double _startTime;
    private long _events;
    private int _replication;

    /// <summary>Creates a simulation of <paramref name="model"/> positioned at its start.</summary>
    /// <param name="model">The line.</param>
    /// <param name="options">Seed, horizon, warm-up and recording options.</param>
    /// <param name="replication">Replication number (0-based): selects independent random streams.</param>
    /// <param name="start">Optional snapshot to start from (warm start); <see langword="null"/> starts empty at time 0.</param>
    public LineSimulation(LineModel model, SimulationOptions options, int replication = 0, LineSnapshot? start = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (!double.IsFinite(options.EndTime) || options.WarmUpTime < 0 || !(options.WipSampleInterval >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "EndTime must be finite, WarmUpTime and WipSampleInterval at least 0.");
        }

        _model = model;
        _options = options;
        _defs = model.Elements;
        int n = _defs.Length, machines = model.MachineCount;
        if (Math.Max(Math.Max(n, machines), model.Calendars.Length) > SimEvent.MaxTarget + 1)
        {
            throw new ArgumentException($"The line has {n} elements and {machines} machines; the engine simulates at most {SimEvent.MaxTarget + 1} of each.", nameof(model));
        }

        _machines = new MachineState[machines];
        _processRng = new SeededRandom[machines];
        _failureRng = new SeededRandom[machines];
        _repairRng = new SeededRandom[machines];
        _qualityRng = new SeededRandom[machines];
        _routeRng = new SeededRandom[n];
        _arrivalRng = new SeededRandom[n];
        _mixRng = new SeededRandom[n];
        _processing = new Distribution[n * model.VariantCount];
        _mixOffset = new int[model.AttributeValueCounts.Length];
        int mixes = 0;
        for (int a = 0; a < _mixOffset.Length; a++)
        {
            _mixOffset[a] = mixes;
            mixes += n * model.AttributeValueCounts[a];
        }

        _mixCumulative = new double[mixes];
        _stores = new StoreState[n];
        _sources = new SourceState[n];
        _offShift = new bool[n];
        _calendarOff = new bool[model.Calendars.Length];
        _info = new ElementInfo[n];
        int links = 0;
        foreach (var d in _defs)
        {
            links += d.Inputs.Length + d.Outputs.Length;
        }

        _links = new int[links];
        _room = new int[n];
        _freeMachines = new int[n];
        _stationFailures = new StationFailureState[n];
        _inspectors = new IPartInspector?[n];
        _releasePlans = new IReleasePlan?[n];
        _variantCount = model.VariantCount;
        _trackBottlenecks = options.TrackBottlenecks;
        PrepareStaticTables();
        InitializeStatistics();
        Reset(replication, start);
    }

    /// <summary>Gets the current simulation time in seconds.</summary>
    public double Now => _now;

    /// <summary>Gets the number of timed events executed since the last reset (cancelled events are not counted).</summary>
    public long EventCount => _events;

    /// <summary>Gets the replication number of the current run.</summary>
    public int Replication => _replication;

    /// <summary>Gets the model being simulated.</summary>
    public LineModel Model => _model;

    /// <summary>Restarts the simulation for another replication, reusing all arrays.</summary>
    /// <remarks>
    /// The parts of <paramref name="start"/> are numbered 0, 1, … in the order the snapshot lists them (its elements in
    /// order: a station's machines in order, a store's parts from the head, a source's held part), before any part is
    /// created, so that a caller can follow them through an <see cref="ILineObserver"/>.
    /// </remarks>
    /// <param name="replication">Replication number (0-based).</param>
    /// <param name="start">Optional snapshot to start from; <see langword="null"/> starts empty at time 0.</param>
    public void Reset(int replication, LineSnapshot? start = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replication);
        _replication = replication;
        _calendar.Clear();
        _events = 0;
        _freeCount = 0;
        _partCount = 0;
        _now = start?.Time ?? 0;
        if (!double.IsFinite(_now))
        {
            throw new ArgumentOutOfRangeException(nameof(start), "The snapshot time must be finite.");
        }

        _startTime = _now;
        SeedStreams(replication);
        ClearState();
        StartCalendars();
        if (start is null)
        {
            StartFailures(null);
        }
        else
        {
            Restore(start);
        }

        RecomputeRoom();
        ResetStatistics(fullReset: true);

        if (_options.WarmUpTime > _now)
        {
            _calendar.Schedule(_options.WarmUpTime, EventKind.WarmUpEnd, 0);
        }

        Settle();
    }

    /// <summary>Runs until <see cref="SimulationOptions.EndTime"/>.</summary>
    public void Run() => RunUntil(_options.EndTime);

    /// <summary>Executes every event before <paramref name="time"/>, then sets the clock to <paramref name="time"/>.</summary>
    /// <param name="time">Absolute time in seconds, not before <see cref="Now"/>.</param>
    public void RunUntil(double time)
    {
        if (!double.IsFinite(time) || time < _now)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "The time must be finite and not before Now.");
        }

        var calendar = _calendar;
        while (calendar.TryPopBefore(time, out var ev))
        {
            _now = ev.Time;
            Dispatch(ev);
        }

        _now = time;
    }

    private void Dispatch(in SimEvent ev)
    {
        int target = ev.Target;
        switch (ev.Kind)
        {
            case EventKind.PhaseEnd:
                if (_machines[target].PhaseEvent == ev.Key && _machines[target].Running)
                {
                    _events++;
                    OnPhaseEnd(target);
                }

                break;
            case EventKind.OperatingFailure:
                if (_machines[target].PhaseEvent == ev.Key && _machines[target].Running)
                {
                    _events++;
                    OnOperatingFailure(target);
                }

                break;
            case EventKind.RepairEnd:
                _events++;
                OnRepairEnd(target);
                break;
            case EventKind.CalendarFailure:
                _events++;
                GoDown(target);
                break;
            case EventKind.StationRepairEnd:
                _events++;
                OnStationRepairEnd(target);
                break;
            case EventKind.StationFailure:
                if (_stationFailures[target].FailureEvent == ev.Key)
                {
                    _events++;
                    OnStationFailure(target);
                }

                break;
            case EventKind.TransitEnd:
                _events++;
                TryPushStore(target);
                break;
            case EventKind.Arrival:
                _events++;
                OnArrival(target);
                break;
            case EventKind.ShiftChange:
                _events++;
                OnShiftChange(target);
                break;
            case EventKind.StopEnd:
                OnStopEnd(target);
                break;
            default:
                ResetStatistics(fullReset: false);
                break;
        }
    }

    /// <summary>
    /// Replaces, for this simulation only, the inspector of a station (<see cref="StationOptions.Inspector"/>): a live
    /// run whose quality gate depends on what it is fed (measured oven air, say) while the model stays shared.
    /// </summary>
    /// <param name="station">A station with a rework target.</param>
    /// <param name="inspector">The inspector, or <see langword="null"/> to use the model's again.</param>
    /// <exception cref="ArgumentException">The element is not a station, or it has no rework target.</exception>
    public void SetInspector(ElementId station, IPartInspector? inspector)
    {
        if ((uint)station.Index >= (uint)_defs.Length || _defs[station.Index].Station is not { } options)
        {
            throw new ArgumentException($"Element {station.Index} is not a station.", nameof(station));
        }

        if (inspector is not null && options.ReworkTarget is null)
        {
            throw new ArgumentException($"Station '{_defs[station.Index].Name}' has no rework target, so an inspector cannot send parts to rework.", nameof(station));
        }

        var d = _defs[station.Index];
        _inspectors[station.Index] = inspector;
        ref var info = ref _info[station.Index];
        info.HasQuality = options.ScrapProbability + options.ReworkProbability > 0 || options.Inspector is not null || inspector is not null;
        info.FixedTarget = d.Outputs.Length == 1 && !info.HasQuality ? d.Outputs[0] : -1;
        UpdateSerialPath(station.Index);
    }

    /// <summary>
    /// Sets, for this simulation only, the plan a source releases by instead of its random mix: a production schedule
    /// followed by a live run. The plan is asked each time the source is about to create a part; a source waiting on it
    /// (<see cref="ReleaseDecision.WaitUntil"/>) creates nothing until then. Clearing it (or a plan that answers
    /// <see cref="ReleaseDecision.Mix"/>) returns the source to its mix from the next part on.
    /// </summary>
    /// <param name="source">A source.</param>
    /// <param name="plan">The plan, or <see langword="null"/> for the source's mix.</param>
    /// <exception cref="ArgumentException">The element is not a source.</exception>
    public void SetReleasePlan(ElementId source, IReleasePlan? plan)
    {
        if ((uint)source.Index >= (uint)_defs.Length || _defs[source.Index].Source is null)
        {
            throw new ArgumentException($"Element {source.Index} is not a source.", nameof(source));
        }

        _releasePlans[source.Index] = plan;
    }

    private void PrepareStaticTables()
    {
        int v = _model.VariantCount;
        var counts = _model.AttributeValueCounts;
        int link = 0;
        foreach (var d in _defs)
        {
            ref var info = ref _info[d.Index];
            info.Kind = d.Kind;
            info.ZeroTransitStore = d.Kind is ElementKind.Buffer or ElementKind.Conveyor && d.TransitTime == 0;
            info.OperatingClock = d.Station?.Failures is { Clock: FailureClock.Operating, Scope: FailureScope.Machine };
            info.StationFailures = d.Station?.Failures is { Scope: FailureScope.Station };
            info.HasSetup = d.Station?.Setup is not null;
            info.HasQuality = d.Station is { } q && (q.ScrapProbability + q.ReworkProbability > 0 || q.Inspector is not null);
            info.Saturated = d.Source is { InterArrivalTime: null };
            info.FirstMachine = d.FirstMachine;
            info.EndMachine = d.FirstMachine + d.MachineCount;
            info.Capacity = d.Capacity;
            info.TransitTime = d.TransitTime;
            info.InputStart = link;
            d.Inputs.CopyTo(_links, link);
            link += d.Inputs.Length;
            info.InputEnd = link;
            info.OutputStart = link;
            d.Outputs.CopyTo(_links, link);
            link += d.Outputs.Length;
            info.OutputEnd = link;
            info.FixedTarget = d.Outputs.Length == 1 && !info.HasQuality ? d.Outputs[0] : -1;
            if (d.Station is { } s)
            {
                for (int i = 0; i < v; i++)
                {
                    _processing[(d.Index * v) + i] = i < s.ProcessingTimeByVariant.Length ? s.ProcessingTimeByVariant[i] : s.ProcessingTime;
                }
            }
            else if (d.Source is { } src)
            {
                for (int a = 0; a < counts.Length; a++)
                {
                    ReadOnlySpan<double> mix = a < src.AttributeMixes.Length ? src.AttributeMixes[a].AsSpan() : [1.0];
                    Cumulate(mix, _mixCumulative.AsSpan(_mixOffset[a] + (d.Index * counts[a]), counts[a]));
                }
            }
            else if (d.Kind is ElementKind.Buffer or ElementKind.Conveyor)
            {
                int initial = Math.Min(d.Capacity, 16);
                _stores[d.Index].Slots = new StoreSlot[initial];
            }
        }

        foreach (int s in _model.StationIndices)
        {
            UpdateSerialPath(s);
        }

        static void Cumulate(ReadOnlySpan<double> weights, Span<double> cumulative)
        {
            double total = 0;
            foreach (double w in weights)
            {
                total += w;
            }

            double acc = 0;
            for (int i = 0; i < cumulative.Length; i++)
            {
                acc += i < weights.Length ? weights[i] / total : 0;
                cumulative[i] = acc;
            }

            cumulative[weights.Length - 1] = 1.0;
            for (int i = weights.Length; i < cumulative.Length; i++)
            {
                cumulative[i] = 1.0;
            }
        }
    }

    /// <summary>
    /// Decides whether station <paramref name="e"/> finishes by the serial fast path: one machine, no setup and no
    /// quality decision, fed by one source or zero-transit store that passes every part to it, and passing every part
    /// to a sink or to one zero-transit store that passes every part on to one element.
    /// </summary>
    private void UpdateSerialPath(int e)
    {
        ref var info = ref _info[e];
        info.SerialInput = -1;
        info.SerialNext = -1;
        info.SerialUpstreamMachine = -1;
        if (info.Kind != ElementKind.Station || info.EndMachine - info.FirstMachine != 1 || info.HasSetup || info.HasQuality
            || info.InputEnd - info.InputStart != 1 || info.FixedTarget < 0)
        {
            return;
        }

        int input = _links[info.InputStart];
        ref var inputInfo = ref _info[input];
        ref var outputInfo = ref _info[info.FixedTarget];
        if (!(inputInfo.ZeroTransitStore || inputInfo.Kind == ElementKind.Source) || inputInfo.FixedTarget != e
            || !((outputInfo.ZeroTransitStore && outputInfo.FixedTarget >= 0) || outputInfo.Kind == ElementKind.Sink))
        {
            return;
        }

        info.SerialInput = input;
        info.SerialNext = outputInfo.Kind == ElementKind.Sink ? -1 : outputInfo.FixedTarget;
        if (inputInfo.InputEnd - inputInfo.InputStart == 1 && _info[_links[inputInfo.InputStart]] is { Kind: ElementKind.Station } upstream
            && upstream.EndMachine - upstream.FirstMachine == 1)
        {
            info.SerialUpstreamMachine = upstream.FirstMachine;
        }
    }

    private void SeedStreams(int replication)
    {
        // Stream id = FNV-1a(element name) + 16·server + purpose: independent of element order, so that
        // scenarios sharing names share random numbers (common random numbers).
        ulong seed = _options.Seed;
        foreach (var d in _defs)
        {
            ulong id = d.NameHash * 0x9E3779B97F4A7C15UL;
            _routeRng[d.Index] = SeededRandom.Create(seed, replication, id + 4);
            _arrivalRng[d.Index] = SeededRandom.Create(seed, replication, id + 5);
            _mixRng[d.Index] = SeededRandom.Create(seed, replication, id + 6);
            for (int k = 0; k < d.MachineCount; k++)
            {
                int m = d.FirstMachine + k;
                ulong mid = id + ((ulong)(k + 1) << 4);
                _processRng[m] = SeededRandom.Create(seed, replication, mid + 0);
                _failureRng[m] = SeededRandom.Create(seed, replication, mid + 1);
                _repairRng[m] = SeededRandom.Create(seed, replication, mid + 2);
                _qualityRng[m] = SeededRandom.Create(seed, replication, mid + 3);
            }
        }
    }

    private void ClearState()
    {
        _wip = 0;
        ClearStops();
        foreach (var d in _defs)
        {
            _offShift[d.Index] = false;
            _stationFailures[d.Index] = default;
            _sources[d.Index] = new SourceState { Held = -1 };
            if (d.Kind is ElementKind.Buffer or ElementKind.Conveyor)
            {
                _stores[d.Index].Head = 0;
                _stores[d.Index].Count = 0;
            }

            for (int k = 0; k < d.MachineCount; k++)
            {
                _machines[d.FirstMachine + k] = new MachineState
                {
                    Station = d.Index,
                    Part = -1,
                    LastKey = -1,
                    Status = MachineStatus.Starved,
                    StatusSince = _now,
                    EnteredStatusAt = _now,
                };
            }
        }
    }

    private void StartCalendars()
    {
        var calendars = _model.Calendars;
        for (int c = 0; c < calendars.Length; c++)
        {
            bool off = calendars[c].IsOffShift(_now);
            _calendarOff[c] = off;
            foreach (int s in _model.StationIndices)
            {
                if (_defs[s].CalendarIndex == c)
                {
                    _offShift[s] = off;
                }
            }

            double next = calendars[c].NextChange(_now);
            if (double.IsFinite(next))
            {
                _calendar.Schedule(next, EventKind.ShiftChange, c);
            }
        }

        foreach (int s in _model.StationIndices)
        {
            var d = _defs[s];
            for (int k = 0; k < d.MachineCount; k++)
            {
                _machines[d.FirstMachine + k].Status = ComputeStatus(d.FirstMachine + k);
            }
        }
    }

    /// <summary>
    /// Starts each machine's failure clock, or the station's for station-wide failures (a snapshot may give the
    /// remaining time, for a station-wide one at the first machine's index, else it is drawn).
    /// </summary>
    private void StartFailures(double[]? remainingToFailure)
    {
        foreach (int s in _model.StationIndices)
        {
            var d = _defs[s];
            if (d.Station!.Failures is not { } f)
            {
                continue;
            }

            if (_info[s].StationFailures)
            {
                StartStationFailures(s, f, remainingToFailure);
                continue;
            }

            for (int k = 0; k < d.MachineCount; k++)
            {
                int m = d.FirstMachine + k;
                double ttf = remainingToFailure is not null && !double.IsNaN(remainingToFailure[m])
                    ? Math.Max(remainingToFailure[m], 0)
                    : f.TimeBetweenFailures.Sample(ref _failureRng[m]);
                if (f.Clock == FailureClock.Operating)
                {
                    _machines[m].TimeToFailure = ttf;
                }
                else if (!_machines[m].Down)
                {
                    _machines[m].NextCalendarFailure = _now + ttf;
                    _calendar.Schedule(_now + ttf, EventKind.CalendarFailure, m);
                }
            }
        }
    }

    /// <summary>Moves every part that can move at the start (sources fill, blocked parts leave, idle elements pull).</summary>
    private void Settle()
    {
        foreach (var d in _defs)
        {
            if (d.Kind == ElementKind.Source)
            {
                if (d.Source!.InterArrivalTime is null)
                {
                    if (_sources[d.Index].Held < 0)
                    {
                        CreateHeldPart(d.Index);
                    }
                }
                else if (!_sources[d.Index].ArrivalPending && _sources[d.Index].Held < 0)
                {
                    ScheduleArrival(d.Index);
                }
            }
        }

        foreach (var d in _defs)
        {
            switch (d.Kind)
            {
                case ElementKind.Source:
                    TryPushSource(d.Index);
                    break;
                case ElementKind.Buffer:
                case ElementKind.Conveyor:
                    TryPushStore(d.Index);
                    break;
                case ElementKind.Station:
                    for (int k = 0; k < d.MachineCount; k++)
                    {
                        if (_machines[d.FirstMachine + k].Phase == MachinePhase.Done)
                        {
                            TryPushMachine(d.FirstMachine + k);
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        foreach (var d in _defs)
        {
            Pull(d.Index);
        }
    }

    private int AllocatePart()
    {
        if (_freeCount > 0)
        {
            return _freeParts[--_freeCount];
        }

        if (_partCount == _parts.Length)
        {
            Array.Resize(ref _parts, _parts.Length * 2);
            Array.Resize(ref _freeParts, _parts.Length);
        }

        return _partCount++;
    }

    private void FreePart(int part) => _freeParts[_freeCount++] = part;
}
