using FactoryTwin.Simulation.Kernel;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Simulation.Engine;

/// <summary>Machines: setup, processing, failures with resumption, shifts.</summary>
public sealed partial class LineSimulation
{
    private void StartPart(int m, int part)
    {
        ref var mm = ref _machines[m];
        var opts = _defs[mm.Station].Station!;
        mm.Part = part;
        ref var p = ref _parts[part];
        double setup = 0;
        if (opts.Setup is { } s)
        {
            int key = s.Key == SetupKey.Colour ? p.Colour : p.Variant;
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
            mm.Remaining = _processing[(mm.Station * _model.VariantCount) + p.Variant].Sample(ref _processRng[m]);
        }

        Reschedule(m);
        UpdateStatus(m);
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

        bool operatingClock = _defs[mm.Station].Station!.Failures is { Clock: FailureClock.Operating };
        mm.Version++;
        if (shouldRun)
        {
            mm.Running = true;
            mm.PhaseStart = _now;
            if (mm.Phase == MachinePhase.Work && operatingClock && mm.TimeToFailure < mm.Remaining)
            {
                _calendar.Schedule(_now + mm.TimeToFailure, EventKind.OperatingFailure, m, mm.Version);
            }
            else
            {
                _calendar.Schedule(_now + mm.Remaining, EventKind.PhaseEnd, m, mm.Version);
            }
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
        mm.Version++;
        var opts = _defs[mm.Station].Station!;
        if (mm.Phase == MachinePhase.Setup)
        {
            mm.Phase = MachinePhase.Work;
            mm.Remaining = _processing[(mm.Station * _model.VariantCount) + _parts[mm.Part].Variant].Sample(ref _processRng[m]);
            Reschedule(m);
            UpdateStatus(m);
            return;
        }

        if (opts.Failures is { Clock: FailureClock.Operating })
        {
            mm.TimeToFailure = Math.Max(mm.TimeToFailure - (_now - mm.PhaseStart), 0);
        }

        Finish(m, opts);
    }

    private void Finish(int m, StationOptions opts)
    {
        ref var mm = ref _machines[m];
        int e = mm.Station;
        int part = mm.Part;
        _processed[e]++;
        _idealTime[e] += _processing[(e * _model.VariantCount) + _parts[part].Variant].Mean;
        double scrap = opts.ScrapProbability, rework = opts.ReworkProbability;
        if (scrap + rework > 0)
        {
            double u = _qualityRng[m].NextDouble();
            if (u < scrap)
            {
                _scrapped[e]++;
                _scrappedTotal++;
                mm.Part = -1;
                mm.Phase = MachinePhase.Empty;
                UpdateStatus(m);
                ChangeWip(-1);
                FreePart(part);
                Pull(e);
                return;
            }

            if (u < scrap + rework)
            {
                _reworked[e]++;
                _parts[part].Reworks++;
                _parts[part].Target = _defs[e].ReworkTarget;
            }
        }

        mm.Phase = MachinePhase.Done;
        mm.BlockedSince = _now;
        UpdateStatus(m);
        TryPushMachine(m);
    }

    private void OnOperatingFailure(int m)
    {
        ref var mm = ref _machines[m];
        mm.Remaining = Math.Max(mm.Remaining - (_now - mm.PhaseStart), 0);
        mm.TimeToFailure = 0;
        mm.Running = false;
        mm.Version++;
        GoDown(m);
    }

    private void GoDown(int m)
    {
        ref var mm = ref _machines[m];
        mm.Down = true;
        Reschedule(m);
        var f = _defs[mm.Station].Station!.Failures!;
        mm.RepairEnd = _now + f.TimeToRepair.Sample(ref _repairRng[m]);
        _calendar.Schedule(mm.RepairEnd, EventKind.RepairEnd, m, 0);
        UpdateStatus(m);
    }

    private void OnRepairEnd(int m)
    {
        ref var mm = ref _machines[m];
        mm.Down = false;
        if (_defs[mm.Station].Station!.Failures is { } f)
        {
            double ttf = f.TimeBetweenFailures.Sample(ref _failureRng[m]);
            if (f.Clock == FailureClock.Calendar)
            {
                mm.NextCalendarFailure = _now + ttf;
                _calendar.Schedule(mm.NextCalendarFailure, EventKind.CalendarFailure, m, 0);
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
                for (int k = 0; k < d.MachineCount; k++)
                {
                    Reschedule(d.FirstMachine + k);
                    UpdateStatus(d.FirstMachine + k);
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
            _calendar.Schedule(next, EventKind.ShiftChange, c, 0);
        }
    }

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

        return mm.Phase switch
        {
            MachinePhase.Empty => MachineStatus.Starved,
            MachinePhase.Setup => MachineStatus.SettingUp,
            MachinePhase.Work => MachineStatus.Working,
            _ => MachineStatus.Blocked,
        };
    }
}
