using System.Collections.Immutable;
using System.Runtime.InteropServices;
using FactoryTwin.Simulation.Kernel;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Snapshots;

namespace FactoryTwin.Simulation.Engine;

/// <summary>Snapshots: capture from a running simulation and restore for a warm start.</summary>
public sealed partial class LineSimulation
{
    /// <summary>Captures the state of every non-empty element at <see cref="Now"/>, with the exact remaining times this run knows.</summary>
    /// <returns>The snapshot.</returns>
    public LineSnapshot CaptureSnapshot()
    {
        var elements = ImmutableArray.CreateBuilder<ElementSnapshot>();
        foreach (var d in _defs)
        {
            switch (d.Kind)
            {
                case ElementKind.Station:
                    var machines = ImmutableArray.CreateBuilder<MachineSnapshot>(d.MachineCount);
                    for (int k = 0; k < d.MachineCount; k++)
                    {
                        machines.Add(CaptureMachine(d.FirstMachine + k));
                    }

                    elements.Add(new ElementSnapshot { Name = d.Name, Machines = machines.MoveToImmutable() });
                    break;
                case ElementKind.Buffer:
                case ElementKind.Conveyor:
                    ref var st = ref _stores[d.Index];
                    if (st.Count == 0)
                    {
                        break;
                    }

                    var parts = ImmutableArray.CreateBuilder<StoredPartSnapshot>(st.Count);
                    for (int i = 0; i < st.Count; i++)
                    {
                        var slot = st.Slots[(st.Head + i) % st.Slots.Length];
                        parts.Add(new StoredPartSnapshot(ToSnapshot(slot.Part), Math.Max(slot.Ready - _now, 0)));
                    }

                    elements.Add(new ElementSnapshot { Name = d.Name, Parts = parts.MoveToImmutable() });
                    break;
                case ElementKind.Source:
                    var s = _sources[d.Index];
                    elements.Add(new ElementSnapshot
                    {
                        Name = d.Name,
                        HeldPart = s.Held >= 0 ? ToSnapshot(s.Held) : null,
                        NextArrivalIn = s.ArrivalPending ? s.NextArrival - _now : double.NaN,
                        PartsCreated = s.Created,
                    });
                    break;
                default:
                    break;
            }
        }

        return new LineSnapshot(_now, elements.ToImmutable());
    }

    private MachineSnapshot CaptureMachine(int m)
    {
        ref var mm = ref _machines[m];
        double remaining = mm.Running ? Math.Max(mm.Remaining - (_now - mm.PhaseStart), 0) : mm.Remaining;
        var failures = _defs[mm.Station].Station!.Failures;
        double ttf = double.NaN;
        if (_info[mm.Station].StationFailures)
        {
            // One process for the whole station: every machine carries its state.
            ttf = _stationFailures[mm.Station].Down ? double.NaN : RemainingStationTimeToFailure(mm.Station);
        }
        else if (failures is { Clock: FailureClock.Operating })
        {
            ttf = mm.Running && mm.Phase == MachinePhase.Work ? Math.Max(mm.TimeToFailure - (_now - mm.PhaseStart), 0) : mm.TimeToFailure;
        }
        else if (failures is not null && !mm.Down)
        {
            ttf = mm.NextCalendarFailure - _now;
        }

        return new MachineSnapshot
        {
            Status = mm.Status,
            TimeInStatus = _now - mm.EnteredStatusAt,
            Part = mm.Part >= 0 ? ToSnapshot(mm.Part) : null,
            PartFinished = mm.Phase == MachinePhase.Done,
            PartToRework = mm.Phase == MachinePhase.Done && _defs[mm.Station].ReworkTarget >= 0 && _parts[mm.Part].Target == _defs[mm.Station].ReworkTarget,
            RemainingSetup = mm.Phase == MachinePhase.Setup ? remaining : double.NaN,
            RemainingWork = mm.Phase == MachinePhase.Work ? remaining : double.NaN,
            RemainingRepair = mm.Down ? mm.RepairEnd - _now : double.NaN,
            RemainingTimeToFailure = ttf,
            LastSetupKey = mm.LastKey,
        };
    }

    private PartSnapshot ToSnapshot(int part)
    {
        var p = _parts[part];
        var attributes = new int[_model.AttributeValueCounts.Length];
        for (int a = 0; a < attributes.Length; a++)
        {
            attributes[a] = p.Attributes[a];
        }

        return new PartSnapshot(ImmutableCollectionsMarshal.AsImmutableArray(attributes), p.EntryTime, p.Reworks);
    }

    private int PlacePart(PartSnapshot snapshot, bool inLine)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var counts = _model.AttributeValueCounts;
        var record = new PartRecord { EntryTime = snapshot.EntryTime, Target = PartRecord.Unassigned, Reworks = snapshot.Reworks };
        var given = snapshot.Attributes.IsDefault ? [] : snapshot.Attributes;
        if (given.Length > counts.Length)
        {
            throw new ArgumentException($"A snapshot part has {given.Length} attributes; the model's parts have {counts.Length}.", nameof(snapshot));
        }

        for (int a = 0; a < given.Length; a++)
        {
            if ((uint)given[a] >= (uint)counts[a])
            {
                throw new ArgumentException($"A snapshot part has value {given[a]} of attribute {a}, which the model does not know.", nameof(snapshot));
            }

            record.Attributes[a] = (ushort)given[a];
        }

        int part = AllocatePart();
        _parts[part] = record;
        if (inLine)
        {
            _wip++;
        }

        return part;
    }

    private void Restore(LineSnapshot snapshot)
    {
        var timeToFailure = new double[_machines.Length];
        Array.Fill(timeToFailure, double.NaN);
        foreach (var es in snapshot.Elements)
        {
            ArgumentNullException.ThrowIfNull(es);
            int e = _model.ElementNames.IndexOf(es.Name, StringComparer.Ordinal);
            if (e < 0)
            {
                throw new ArgumentException($"The snapshot names an element '{es.Name}' that the model does not have.", nameof(snapshot));
            }

            var d = _defs[e];
            switch (d.Kind)
            {
                case ElementKind.Station:
                    if (es.Machines.Length > d.MachineCount)
                    {
                        throw new ArgumentException($"The snapshot gives station '{d.Name}' more machines than it has.", nameof(snapshot));
                    }

                    for (int k = 0; k < es.Machines.Length; k++)
                    {
                        RestoreMachine(d.FirstMachine + k, es.Machines[k], timeToFailure);
                    }

                    if (_info[e].StationFailures)
                    {
                        RestoreStationFailure(e, es.Machines.AsSpan(), timeToFailure);
                    }

                    break;
                case ElementKind.Buffer:
                case ElementKind.Conveyor:
                    if (es.Parts.Length > d.Capacity)
                    {
                        throw new ArgumentException($"The snapshot puts more parts on '{d.Name}' than it holds.", nameof(snapshot));
                    }

                    foreach (var sp in es.Parts)
                    {
                        double remaining = d.TransitTime > 0 ? Math.Clamp(sp.RemainingTransit, 0, d.TransitTime) : 0;
                        Enqueue(e, PlacePart(sp.Part, inLine: true), _now + remaining);
                        if (remaining > 0)
                        {
                            _calendar.Schedule(_now + remaining, EventKind.TransitEnd, e);
                        }
                    }

                    break;
                case ElementKind.Source:
                    ref var s = ref _sources[e];
                    s.Created = es.PartsCreated;
                    if (es.HeldPart is { } held)
                    {
                        s.Held = PlacePart(held, inLine: false);
                    }
                    else if (d.Source!.InterArrivalTime is not null && !double.IsNaN(es.NextArrivalIn))
                    {
                        s.ArrivalPending = true;
                        s.NextArrival = _now + Math.Max(es.NextArrivalIn, 0);
                        _calendar.Schedule(s.NextArrival, EventKind.Arrival, e);
                    }

                    break;
                default:
                    break;
            }
        }

        StartFailures(timeToFailure);
        for (int m = 0; m < _machines.Length; m++)
        {
            Reschedule(m);
            _machines[m].Status = ComputeStatus(m);
        }
    }

    private void RestoreMachine(int m, MachineSnapshot ms, double[] timeToFailure)
    {
        ArgumentNullException.ThrowIfNull(ms);
        ref var mm = ref _machines[m];
        var opts = _defs[mm.Station].Station!;
        mm.LastKey = ms.LastSetupKey;
        mm.EnteredStatusAt = _now - Math.Max(ms.TimeInStatus, 0);
        timeToFailure[m] = ms.RemainingTimeToFailure;
        if (ms.Part is { } p)
        {
            int part = PlacePart(p, inLine: true);
            mm.Part = part;
            if (ms.PartFinished)
            {
                if (ms.PartToRework)
                {
                    int rework = _defs[mm.Station].ReworkTarget;
                    if (rework < 0)
                    {
                        throw new ArgumentException($"The snapshot holds a part for rework on '{_defs[mm.Station].Name}', which has no rework target.", nameof(ms));
                    }

                    _parts[part].Target = rework;
                }

                mm.Phase = MachinePhase.Done;
                mm.BlockedSince = ms.Status == MachineStatus.Blocked ? mm.EnteredStatusAt : _now;
            }
            else if (ms.RemainingSetup > 0)
            {
                mm.Phase = MachinePhase.Setup;
                mm.Remaining = ms.RemainingSetup;
            }
            else
            {
                mm.Phase = MachinePhase.Work;
                double elapsed = ms.ElapsedWork > 0 ? ms.ElapsedWork : (ms.Status == MachineStatus.Working ? ms.TimeInStatus : 0);
                mm.Remaining = double.IsNaN(ms.RemainingWork)
                    ? _processing[(mm.Station * _model.VariantCount) + p.Variant].SampleResidual(ref _processRng[m], elapsed)
                    : Math.Max(ms.RemainingWork, 0);
                mm.WorkStart = _now - elapsed;
                mm.WorkTime = elapsed + mm.Remaining;
                mm.FirstStop = ms.Status == MachineStatus.Down ? _now : double.NaN;
                mm.DownSince = mm.FirstStop;
                mm.Stopped = 0;
            }
        }

        if (ms.Status == MachineStatus.Down && !_info[mm.Station].StationFailures) // else RestoreStationFailure
        {
            double repair = ms.RemainingRepair;
            if (double.IsNaN(repair))
            {
                repair = opts.Failures is { } f ? f.TimeToRepair.SampleResidual(ref _repairRng[m], ms.TimeInStatus) : 0;
            }

            mm.Down = true;
            mm.RepairEnd = _now + Math.Max(repair, 0);
            _calendar.Schedule(mm.RepairEnd, EventKind.RepairEnd, m);
        }
    }
}
