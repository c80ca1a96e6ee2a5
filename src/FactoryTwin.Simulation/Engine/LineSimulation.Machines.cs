using System.Diagnostics;
using System.Runtime.CompilerServices;
using FactoryTwin.Simulation.Kernel;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Simulation.Engine;

/// <summary>Machines: setup, processing, failures with resumption, shifts.</summary>
public sealed partial class LineSimulation
{
    /// <summary>Status of an up, on-shift machine by <see cref="MachinePhase"/>.</summary>
    private static ReadOnlySpan<MachineStatus> PhaseStatus => [MachineStatus.Starved, MachineStatus.SettingUp, MachineStatus.Working, MachineStatus.Blocked];

    private void StartPart(int m, int part)
    {
        ref var mm = ref _machines[m];
        Debug.Assert(mm.Part < 0 && !mm.Down && !mm.Running, "a part starts on a free machine");
        int e = mm.Station;
        mm.Part = part;
        FreeMachinesChanged(e, -1);
        ref var p = ref _parts[part];
        ref var info = ref _info[e];
        double setup = 0;
        if (info.HasSetup && _defs[e].Station!.Setup is { } s)
        {
            int key = p.Attributes[s.Attribute];
            if (mm.LastKey >= 0)
            {
                setup = s.TimeFor(mm.LastKey, key);
            }

            mm.LastKey = key;
        }

        if (setup > 0)
        {
            mm.Phase = MachinePhase.Setup;
            mm.Remaining = setup;
        }
        else
        {
            mm.Phase = MachinePhase.Work;
            mm.Remaining = _processing[(e * _variantCount) + p.Variant].Sample(ref _processRng[m]);
            BeginWork(ref mm);
        }

        // What Reschedule does for a machine that is up, not running and now has a part.
        if (!_offShift[e])
        {
            StartPhase(ref mm, m, info.OperatingClock);
            SetStatus(m, mm.Phase == MachinePhase.Setup ? MachineStatus.SettingUp : MachineStatus.Working);
        }
        else
        {
            UpdateStatus(m);
        }
    }

    /// <summary>Records the start of processing for an inspector: now, the time drawn, no stop yet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void BeginWork(ref MachineState mm)
    {
        mm.WorkStart = _now;
        mm.WorkTime = mm.Remaining;
        mm.FirstStop = double.NaN;
        mm.DownSince = double.NaN;
        mm.Stopped = 0;
    }

    /// <summary>Runs the current phase from now: schedules its end, or the operating failure that comes first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StartPhase(ref MachineState mm, int m, bool operatingClock)
    {
        mm.Running = true;
        mm.PhaseStart = _now;
        mm.PhaseEvent = mm.Phase == MachinePhase.Work && operatingClock && mm.TimeToFailure < mm.Remaining
            ? _calendar.Schedule(_now + mm.TimeToFailure, EventKind.OperatingFailure, m)
            : _calendar.Schedule(_now + mm.Remaining, EventKind.PhaseEnd, m);
    }

    /// <summary>Starts or pauses the current phase so that it runs exactly when the machine is up, on shift and has setup or processing to do.</summary>
    private void Reschedule(int m)
    {
        ref var mm = ref _machines[m];
        bool shouldRun = mm.Part >= 0 && mm.Phase is MachinePhase.Setup or MachinePhase.Work && !mm.Down && !_offShift[mm.Station];
        if (shouldRun == mm.Running)
        {
            return;
        }

        bool operatingClock = _info[mm.Station].OperatingClock;
        if (shouldRun)
        {
            StartPhase(ref mm, m, operatingClock);
        }
        else
        {
            double elapsed = _now - mm.PhaseStart;
            mm.Running = false;

            mm.Remaining = Math.Max(mm.Remaining - elapsed, 0);
            if (mm.Phase == MachinePhase.Work && operatingClock)
            {
                mm.TimeToFailure = Math.Max(mm.TimeToFailure - elapsed, 0);
            }
        }
    }

    private void OnPhaseEnd(int m)
    {
        ref var mm = ref _machines[m];
        mm.Running = false;
        if (mm.Phase == MachinePhase.Setup)
        {
            mm.Phase = MachinePhase.Work;
            mm.Remaining = _processing[(mm.Station * _variantCount) + _parts[mm.Part].Variant].Sample(ref _processRng[m]);
            BeginWork(ref mm);
            Reschedule(m);
            UpdateStatus(m);
            return;
        }

        if (_info[mm.Station].OperatingClock)
        {
            mm.TimeToFailure = Math.Max(mm.TimeToFailure - (_now - mm.PhaseStart), 0);
        }

        Finish(m);
    }

    private void Finish(int m)
    {
        ref var mm = ref _machines[m];
        int e = mm.Station;
        int part = mm.Part;
        _processed[e]++;
        _idealTime[e] += _processing[(e * _variantCount) + _parts[part].Variant].Mean;
        var outcome = PartOutcome.Good;
        if (_info[e].HasQuality)
        {
            var opts = _defs[e].Station!;
            double scrap = opts.ScrapProbability, rework = opts.ReworkProbability;
            double u = scrap + rework > 0 ? _qualityRng[m].NextDouble() : 1;
            var decided = u < scrap ? PartOutcome.Scrap : u < scrap + rework ? PartOutcome.Rework : PartOutcome.Good;
            if ((_inspectors[e] ?? opts.Inspector) is { } inspector)
            {
                var verdict = inspector.Inspect(new PartInspection(e, m - _info[e].FirstMachine, part, _parts[part].Attributes, mm.WorkStart, _now, mm.WorkTime, mm.FirstStop, mm.Stopped));
                if (verdict != PartOutcome.Good)
                {
                    decided = verdict;
                }
            }

            if (decided == PartOutcome.Scrap)
            {
                _scrapped[e]++;
                _scrappedTotal++;
                if (_observer is { } observer)
                {
                    observer.OnPartCompleted(_now, e, part, PartOutcome.Scrap);
                    observer.OnPartExited(_now, e, part);
                }

                mm.Part = -1;
                mm.Phase = MachinePhase.Empty;
                FreeMachinesChanged(e, +1);
                UpdateStatus(m);
                ChangeWip(-1);
                FreePart(part);
                Pull(e);
                return;
            }

            if (decided == PartOutcome.Rework)
            {
                outcome = PartOutcome.Rework;
                _reworked[e]++;
                _parts[part].Reworks++;
                _parts[part].Target = _defs[e].ReworkTarget;
            }
        }

        mm.Phase = MachinePhase.Done;
        mm.BlockedSince = _now;
        if (_observer is { } watcher)
        {
            watcher.OnPartCompleted(_now, e, part, outcome);
            SetStatus(m, MachineStatus.Blocked); // its phase just ended, so it is up and on shift
            TryPushMachine(m);
            return;
        }

        // Unobserved, a part that leaves at once takes the machine from working straight to the status it ends the
        // instant in (starved, or working on its next part): the same statistics as passing through blocked and
        // starved for no time, since adding zero time changes no sum and a zero-length inactive gap splits no active
        // period.
        if (_info[e].SerialInput >= 0 && FinishSerial(e, m, part))
        {
            return;
        }

        int d = FindReceiver(e, part);
        if (d < 0)
        {
            SetStatus(m, MachineStatus.Blocked);
            return;
        }

        TakePartOff(e, m);
        Accept(d, part);
        Forward(d);
        Pull(e);
        SettleStatus(m);
    }

    /// <summary>
    /// The hand-over of <see cref="Finish"/> for a station on the serial path (<see cref="UpdateSerialPath"/>) when its
    /// output takes the part: the same steps as the general path, in the same order (the part goes into the sink, or
    /// into the store and on at once to the station after it if that one can take it; the station takes the source's
    /// part or the head of its input store and starts it; the source makes its next part, or the input store pulls
    /// from upstream; the machine's status settles), without asking each element's kind, target and room on the way.
    /// </summary>
    /// <returns>Whether it handled the finish; otherwise nothing was changed.</returns>
    private bool FinishSerial(int e, int m, int part)
    {
        ref var info = ref _info[e];
        int output = info.FixedTarget;
        int after = info.SerialNext;
        if (after < 0)
        {
            // Into the sink.
            TakePartOff(e, m);
            _parts[part].Target = PartRecord.Unassigned;
            OnSinkArrival(part);
        }
        else if (_room[output] <= 0)
        {
            return false;
        }
        else if (_room[after] > 0)
        {
            // The store can pass the part on at once: only an empty store in front of a station that can take it.
            if (_stores[output].Count > 0 || _info[after].Kind != ElementKind.Station)
            {
                return false;
            }

            TakePartOff(e, m);
            _parts[part].Target = PartRecord.Unassigned;
            PassThrough(output);
            StartPart(FindFreeMachine(ref _info[after]), part);

            // The store pulls from its inputs; with this station its only one, whose machine is empty now, there is nothing to pull.
            if (_info[output].InputEnd - _info[output].InputStart != 1)
            {
                Pull(output);
            }
        }
        else
        {
            TakePartOff(e, m);
            _parts[part].Target = PartRecord.Unassigned;
            Enqueue(output, part, _now + 0.0);
        }

        RefillSerial(e, m);
        return true;
    }

    /// <summary>
    /// The second half of <see cref="FinishSerial"/>: machine <paramref name="m"/> of serial station
    /// <paramref name="e"/> has just handed its part on; it takes its next one (the source's, or the head of its input
    /// store), and the room that leaves in the store is filled as the general path's pull would: from the finished part
    /// of a serial station upstream, which in turn takes its next one, up the line. Then the machine's status settles.
    /// </summary>
    private void RefillSerial(int e, int m)
    {
        ref var info = ref _info[e];
        int input = info.SerialInput;
        if (_info[input].Kind == ElementKind.Source)
        {
            if (_sources[input].Held >= 0)
            {
                int released = DetachSource(input);
                _parts[released].Target = PartRecord.Unassigned;
                StartPart(m, released);
                ReleasedSource(input);
            }
        }
        else
        {
            ref var st = ref _stores[input];
            if (st.Count > 0 && st.Slots[st.Head].Ready <= _now)
            {
                int next = Dequeue(input);
                _parts[next].Target = PartRecord.Unassigned;
                StartPart(m, next);

                // The store now has room; it can fill it only from a finished part upstream.
                int upstream = info.SerialUpstreamMachine;
                if (upstream < 0)
                {
                    Pull(input);
                }
                else if (_machines[upstream].Phase == MachinePhase.Done)
                {
                    int u = _machines[upstream].Station;
                    if (_info[u].SerialInput >= 0 && _room[input] > 0)
                    {
                        // What Pull(input) does with the only input's blocked part: into the store (the station
                        // after it is busy now), and the upstream station takes its next one.
                        int blocked = TakePartOff(u, upstream);
                        _parts[blocked].Target = PartRecord.Unassigned;
                        Enqueue(input, blocked, _now + 0.0);
                        if (_room[u] > 0)
                        {
                            RefillSerial(u, upstream);
                        }
                        else
                        {
                            // Down or off shift: it stays empty.
                            UpdateStatus(upstream);
                        }
                    }
                    else
                    {
                        Pull(input);
                    }
                }
            }
        }

        SettleStatus(m);
    }

    /// <summary>A part enters empty zero-transit store <paramref name="e"/> and leaves it at once: its level stays 0.</summary>
    private void PassThrough(int e)
    {
        ref var st = ref _stores[e];
        Debug.Assert(st.Count == 0 && _observer is null, "only through an empty store, unobserved");
        LevelWillChange(e);
        st.Head = st.Head + 1 == st.Slots.Length ? 0 : st.Head + 1;
    }

    private void OnOperatingFailure(int m)
    {
        ref var mm = ref _machines[m];
        mm.Remaining = Math.Max(mm.Remaining - (_now - mm.PhaseStart), 0);
        mm.TimeToFailure = 0;
        mm.Running = false;
        GoDown(m);
    }

    private void GoDown(int m)
    {
        ref var mm = ref _machines[m];
        MarkDown(ref mm);
        Reschedule(m);
        var f = _defs[mm.Station].Station!.Failures!;
        mm.RepairEnd = _now + f.TimeToRepair.Sample(ref _repairRng[m]);
        _calendar.Schedule(mm.RepairEnd, EventKind.RepairEnd, m);
        UpdateStatus(m);
    }

    /// <summary>Marks a machine down: it is no longer free, and a part in processing stands still from now.</summary>
    private void MarkDown(ref MachineState mm)
    {
        if (!mm.Down && mm.Part < 0)
        {
            FreeMachinesChanged(mm.Station, -1);
        }

        mm.Down = true;
        if (mm.Part >= 0 && mm.Phase == MachinePhase.Work)
        {
            // Processing stands still until the repair: what an inspector is told (the stop of an oven conveyor).
            mm.FirstStop = double.IsNaN(mm.FirstStop) ? _now : mm.FirstStop;
            mm.DownSince = _now;
        }
    }

    private void OnRepairEnd(int m)
    {
        ref var mm = ref _machines[m];
        MarkUp(ref mm);
        if (_defs[mm.Station].Station!.Failures is { } f)
        {
            double ttf = f.TimeBetweenFailures.Sample(ref _failureRng[m]);
            if (f.Clock == FailureClock.Calendar)
            {
                mm.NextCalendarFailure = _now + ttf;
                _calendar.Schedule(mm.NextCalendarFailure, EventKind.CalendarFailure, m);
            }
            else
            {
                mm.TimeToFailure = ttf;
            }
        }

        Reschedule(m);
        UpdateStatus(m);
        if (mm.Part < 0)
        {
            Pull(mm.Station);
        }
    }

    /// <summary>Marks a machine up again: free if it has no part, and the stop of a part in processing is counted.</summary>
    private void MarkUp(ref MachineState mm)
    {
        if (mm.Down && mm.Part < 0)
        {
            FreeMachinesChanged(mm.Station, +1);
        }

        mm.Down = false;
        if (mm.Part >= 0 && mm.Phase == MachinePhase.Work && !double.IsNaN(mm.DownSince))
        {
            mm.Stopped += _now - mm.DownSince;
        }

        mm.DownSince = double.NaN;
    }

    private void OnShiftChange(int c)
    {
        var cal = _model.Calendars[c];
        bool off = cal.IsOffShift(_now);
        if (off != _calendarOff[c])
        {
            _calendarOff[c] = off;
            foreach (int s in _model.StationIndices)
            {
                var d = _defs[s];
                if (d.CalendarIndex != c)
                {
                    continue;
                }

                _offShift[s] = off;
                _room[s] = off ? 0 : _freeMachines[s];
                for (int k = 0; k < d.MachineCount; k++)
                {
                    Reschedule(d.FirstMachine + k);
                    UpdateStatus(d.FirstMachine + k);
                }

                if (_info[s].StationFailures)
                {
                    UpdateStationFailureClock(s);
                }
            }

            if (!off)
            {
                foreach (int s in _model.StationIndices)
                {
                    if (_defs[s].CalendarIndex == c)
                    {
                        Pull(s);
                    }
                }
            }
        }

        double next = cal.NextChange(_now);
        if (double.IsFinite(next))
        {
            _calendar.Schedule(next, EventKind.ShiftChange, c);
        }
    }

    /// <summary>A machine of station <paramref name="e"/> became free (+1) or taken (-1): Part &lt; 0 and not down.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void FreeMachinesChanged(int e, int delta)
    {
        int free = _freeMachines[e] += delta;
        _room[e] = _offShift[e] ? 0 : free;
    }

    /// <summary>Recomputes every element's room from scratch (after a reset or a restore).</summary>
    private void RecomputeRoom()
    {
        foreach (var d in _defs)
        {
            int e = d.Index;
            ref var info = ref _info[e];
            switch (info.Kind)
            {
                case ElementKind.Station:
                    int free = 0;
                    for (int m = info.FirstMachine; m < info.EndMachine; m++)
                    {
                        if (_machines[m].Part < 0 && !_machines[m].Down)
                        {
                            free++;
                        }
                    }

                    _freeMachines[e] = free;
                    _room[e] = _offShift[e] ? 0 : free;
                    break;
                case ElementKind.Buffer:
                case ElementKind.Conveyor:
                    _room[e] = info.Capacity - _stores[e].Count;
                    break;
                case ElementKind.Sink:
                    _room[e] = int.MaxValue;
                    break;
                default:
                    _room[e] = 0;
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private MachineStatus ComputeStatus(int m)
    {
        ref var mm = ref _machines[m];
        if (mm.Down)
        {
            return MachineStatus.Down;
        }

        if (_offShift[mm.Station])
        {
            return MachineStatus.OffShift;
        }

        return PhaseStatus[(int)mm.Phase];
    }
}
