using System.Diagnostics;
using System.Runtime.CompilerServices;
using FactoryTwin.Simulation.Kernel;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Simulation.Engine;

/// <summary>Part flow: acceptance, push (after an element finishes with a part) and pull (after it frees space).</summary>
public sealed partial class LineSimulation
{
    /// <summary>Whether <paramref name="e"/> can take a part now: one load of the maintained room count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool CanAccept(int e)
    {
        Debug.Assert(_room[e] > 0 == CanAcceptSlow(e), "room count out of date");
        return _room[e] > 0;
    }

    /// <summary>The definition of <see cref="CanAccept"/>, from the machine and store states.</summary>
    private bool CanAcceptSlow(int e)
    {
        ref var info = ref _info[e];
        switch (info.Kind)
        {
            case ElementKind.Station:
                return !_offShift[e] && FindFreeMachine(ref info) >= 0;
            case ElementKind.Buffer:
            case ElementKind.Conveyor:
                return _stores[e].Count < info.Capacity && !IsStopped(e);
            case ElementKind.Sink:
                return true;
            default:
                return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindFreeMachine(ref ElementInfo info)
    {
        var machines = _machines;
        for (int m = info.FirstMachine; m < info.EndMachine; m++)
        {
            if (machines[m].Part < 0 && !machines[m].Down)
            {
                return m;
            }
        }

        return -1;
    }

    /// <summary>Places <paramref name="part"/> on element <paramref name="e"/>, which must be able to accept it.</summary>
    private void Accept(int e, int part)
    {
        _parts[part].Target = PartRecord.Unassigned;
        _observer?.OnPartEntered(_now, e, part);
        ref var info = ref _info[e];
        switch (info.Kind)
        {
            case ElementKind.Station:
                StartPart(FindFreeMachine(ref info), part);
                break;
            case ElementKind.Buffer:
            case ElementKind.Conveyor:
                double transit = info.TransitTime;
                Enqueue(e, part, _now + transit);
                if (transit > 0)
                {
                    _calendar.Schedule(_now + transit, EventKind.TransitEnd, e);
                }

                break;
            default:
                OnSinkArrival(part);
                break;
        }
    }

    /// <summary>After a part arrived at <paramref name="e"/>: a zero-transit store passes it on at once.</summary>
    private void Forward(int e)
    {
        if (_info[e].ZeroTransitStore)
        {
            TryPushStore(e);
        }
    }

    /// <summary>Fills <paramref name="e"/> from its inputs: each time the part that has been ready longest (ties: input order, machine order).</summary>
    private void Pull(int e)
    {
        int inputStart = _info[e].InputStart, inputEnd = _info[e].InputEnd;
        while (CanAccept(e))
        {
            int bestFrom = -1, bestSlot = -1;
            var bestKind = ElementKind.Sink;
            double bestTime = double.PositiveInfinity;
            for (int i = inputStart; i < inputEnd; i++)
            {
                int p = _links[i];
                ref var pd = ref _info[p];
                // Conditional branches, not a switch: the indirect jump of a switch mispredicts as inputs alternate kinds.
                var kind = pd.Kind;
                if (kind == ElementKind.Station)
                {
                    for (int m = pd.FirstMachine; m < pd.EndMachine; m++)
                    {
                        ref var mm = ref _machines[m];
                        if (mm.Phase == MachinePhase.Done && mm.BlockedSince < bestTime && TargetMatches(p, mm.Part, e))
                        {
                            (bestFrom, bestSlot, bestTime, bestKind) = (p, m, mm.BlockedSince, ElementKind.Station);
                        }
                    }
                }
                else if (kind is ElementKind.Buffer or ElementKind.Conveyor)
                {
                    ref var st = ref _stores[p];
                    if (st.Count > 0)
                    {
                        ref var head = ref st.Slots[st.Head];
                        double ready = head.Ready;
                        if (ready <= _now && ready < bestTime && TargetMatches(p, head.Part, e))
                        {
                            (bestFrom, bestTime, bestKind) = (p, ready, ElementKind.Buffer);
                        }
                    }
                }
                else if (kind == ElementKind.Source)
                {
                    int held = _sources[p].Held;
                    if (held >= 0 && _parts[held].EntryTime < bestTime && TargetMatches(p, held, e))
                    {
                        (bestFrom, bestTime, bestKind) = (p, _parts[held].EntryTime, ElementKind.Source);
                    }
                }
            }

            switch (bestKind)
            {
                case ElementKind.Station:
                    Accept(e, DetachMachine(bestFrom, bestSlot));
                    Forward(e);
                    Pull(bestFrom);
                    break;
                case ElementKind.Buffer:
                    Accept(e, Dequeue(bestFrom));
                    Forward(e);

                    // The store's next part can only go where this one went: no use trying while that is full.
                    if (!IsSoleOutput(bestFrom, e) || CanAccept(e))
                    {
                        TryPushStore(bestFrom);
                    }

                    Pull(bestFrom);
                    break;
                case ElementKind.Source:
                    Accept(e, DetachSource(bestFrom));
                    Forward(e);
                    ReleasedSource(bestFrom);
                    break;
                default:
                    return;
            }
        }
    }

    /// <summary>After the held part left source <paramref name="e"/>: a saturated source makes the next, a paced one waits for its next arrival.</summary>
    private void ReleasedSource(int e)
    {
        if (_info[e].Saturated)
        {
            CreateHeldPart(e);
            TryPushSource(e);
        }
        else
        {
            ScheduleArrival(e);
        }
    }

    /// <summary>Takes the finished part off machine <paramref name="m"/> of station <paramref name="e"/>.</summary>
    private int DetachMachine(int e, int m)
    {
        int part = TakePartOff(e, m);
        _observer?.OnPartExited(_now, e, part);
        UpdateStatus(m);
        return part;
    }

    /// <summary>Empties machine <paramref name="m"/> of station <paramref name="e"/> and returns its part; its status is left to the caller.</summary>
    private int TakePartOff(int e, int m)
    {
        ref var mm = ref _machines[m];
        int part = mm.Part;
        mm.Part = -1;
        mm.Phase = MachinePhase.Empty;
        if (!mm.Down)
        {
            FreeMachinesChanged(e, +1);
        }

        return part;
    }

    /// <summary>
    /// Records the status machine <paramref name="m"/> ends the instant in, for a run without an observer, after it
    /// finished working, its part was taken off (<see cref="TakePartOff"/>), moved on and the station refilled, all
    /// without recording its status on the way. The statistics are those of recording every status (blocked,
    /// starved, working again): the statuses in between last no time, adding zero time changes no sum, and a
    /// zero-length inactive gap splits no active period.
    /// </summary>
    private void SettleStatus(int m)
    {
        Debug.Assert(_observer is null, "an observer sees every status");
        var status = ComputeStatus(m);
        ref var mm = ref _machines[m];
        if (status != mm.Status)
        {
            SetStatus(m, status);
        }
        else
        {
            // Working again on its next part: the time in working still splits here, as it would through starved.
            _statusTime[(m * StatusCount) + (int)status] += _now - mm.StatusSince;
            mm.StatusSince = _now;
            mm.EnteredStatusAt = _now;
        }
    }

    /// <summary>Releases the part source <paramref name="e"/> holds into the line.</summary>
    private int DetachSource(int e)
    {
        int held = _sources[e].Held;
        _sources[e].Held = -1;
        _parts[held].EntryTime = _now;
        _enteredTotal++;
        ChangeWip(+1);
        _observer?.OnPartExited(_now, e, held);
        return held;
    }

    private bool TargetMatches(int from, int part, int to)
    {
        int t = EnsureTarget(from, part);
        return t == to || (t == PartRecord.AnyOutput && IsOutput(from, to));
    }

    /// <summary>Whether <paramref name="to"/> is the only output of <paramref name="from"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsSoleOutput(int from, int to)
    {
        ref var info = ref _info[from];
        return info.OutputEnd - info.OutputStart == 1 && _links[info.OutputStart] == to;
    }

    private bool IsOutput(int from, int to)
    {
        ref var info = ref _info[from];
        for (int i = info.OutputStart; i < info.OutputEnd; i++)
        {
            if (_links[i] == to)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Decides (once per visit) where a part leaving <paramref name="e"/> goes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int EnsureTarget(int e, int part)
    {
        int fixedTarget = _info[e].FixedTarget;
        if (fixedTarget >= 0)
        {
            return fixedTarget;
        }

        ref var p = ref _parts[part];
        if (p.Target != PartRecord.Unassigned)
        {
            return p.Target;
        }

        ref var info = ref _info[e];
        if (info.OutputEnd - info.OutputStart == 1)
        {
            p.Target = _links[info.OutputStart];
            return p.Target;
        }

        return ChooseTarget(e, ref p);
    }

    /// <summary>Routing decision for an element with several outputs.</summary>
    private int ChooseTarget(int e, ref PartRecord p)
    {
        var d = _defs[e];
        var outputs = d.Outputs;
        int t;
        switch (d.Routing)
        {
            case RoutingKind.ByVariant:
                t = outputs[d.OutputByVariant[p.Variant]];
                break;
            case RoutingKind.ByFraction:
                double u = _routeRng[e].NextDouble();
                var cumulative = d.CumulativeFractions;
                int i = 0;
                while (i < cumulative.Length - 1 && u >= cumulative[i])
                {
                    i++;
                }

                t = outputs[i];
                break;
            default:
                t = PartRecord.AnyOutput;
                break;
        }

        p.Target = t;
        return t;
    }

    /// <summary>An element that can take <paramref name="part"/> from <paramref name="e"/> now, or -1.</summary>
    private int FindReceiver(int e, int part)
    {
        int t = EnsureTarget(e, part);
        if (t >= 0)
        {
            return CanAccept(t) ? t : -1;
        }

        ref var info = ref _info[e];
        for (int i = info.OutputStart; i < info.OutputEnd; i++)
        {
            int o = _links[i];
            if (CanAccept(o))
            {
                return o;
            }
        }

        return -1;
    }

    private void TryPushMachine(int m)
    {
        int e = _machines[m].Station;
        int d = FindReceiver(e, _machines[m].Part);
        if (d < 0)
        {
            return;
        }

        Accept(d, DetachMachine(e, m));
        Forward(d);
        Pull(e);
    }

    private void TryPushStore(int e)
    {
        bool moved = false;
        while (_stores[e].Count > 0)
        {
            ref var st = ref _stores[e];
            ref var head = ref st.Slots[st.Head];
            if (head.Ready > _now)
            {
                break;
            }

            int d = FindReceiver(e, head.Part);
            if (d < 0)
            {
                break;
            }

            int part = Dequeue(e);
            Accept(d, part);
            Forward(d);
            moved = true;
        }

        if (moved)
        {
            Pull(e);
        }
    }

    private void TryPushSource(int e)
    {
        while (_sources[e].Held >= 0)
        {
            int d = FindReceiver(e, _sources[e].Held);
            if (d < 0)
            {
                return;
            }

            Accept(d, DetachSource(e));
            Forward(d);
            if (_info[e].Saturated)
            {
                CreateHeldPart(e);
            }
            else
            {
                ScheduleArrival(e);
                return;
            }
        }
    }

    private void OnArrival(int e)
    {
        _sources[e].ArrivalPending = false;
        CreateHeldPart(e);
        TryPushSource(e);
    }

    private void ScheduleArrival(int e)
    {
        var opts = _defs[e].Source!;
        ref var s = ref _sources[e];
        if (s.ArrivalPending || (opts.MaxParts is { } max && s.Created >= max))
        {
            return;
        }

        s.ArrivalPending = true;
        s.NextArrival = _now + opts.InterArrivalTime!.Value.Sample(ref _arrivalRng[e]);
        _calendar.Schedule(s.NextArrival, EventKind.Arrival, e);
    }

    /// <summary>
    /// Asks the source's release plan for its next part: <see cref="ReleaseDecisionKind.Release"/> with the plan's
    /// attributes in <paramref name="record"/>; <see cref="ReleaseDecisionKind.Wait"/> with an arrival scheduled to ask
    /// again; <see cref="ReleaseDecisionKind.Mix"/> with nothing set.
    /// </summary>
    private ReleaseDecisionKind AskPlan(int e, IReleasePlan plan, ref PartRecord record)
    {
        var decision = plan.Decide(_now, record.Attributes);
        switch (decision.Kind)
        {
            case ReleaseDecisionKind.Release:
                var counts = _model.AttributeValueCounts;
                for (int a = 0; a < PartAttributes.MaxCount; a++)
                {
                    int limit = a < counts.Length ? counts[a] : 1;
                    if (record.Attributes[a] >= limit)
                    {
                        throw new InvalidOperationException(
                            $"The release plan of source '{_defs[e].Name}' gave attribute {a} the value {record.Attributes[a]}; the model has {limit} value(s) for it.");
                    }
                }

                return ReleaseDecisionKind.Release;
            case ReleaseDecisionKind.Wait:
                ref var s = ref _sources[e];
                if (!s.ArrivalPending)
                {
                    // Never at or before now: a plan that keeps waiting must not stall the clock.
                    s.ArrivalPending = true;
                    s.NextArrival = Math.Max(decision.RetryAt, Math.BitIncrement(_now));
                    _calendar.Schedule(s.NextArrival, EventKind.Arrival, e);
                }

                return ReleaseDecisionKind.Wait;
            default:
                record.Attributes = default;
                return ReleaseDecisionKind.Mix;
        }
    }

    private void CreateHeldPart(int e)
    {
        var opts = _defs[e].Source!;
        ref var s = ref _sources[e];
        if (s.Held >= 0 || (opts.MaxParts is { } max && s.Created >= max))
        {
            return;
        }

        var record = new PartRecord { EntryTime = _now, Target = PartRecord.Unassigned };
        var decision = _releasePlans[e] is { } plan ? AskPlan(e, plan, ref record) : ReleaseDecisionKind.Mix;
        if (decision == ReleaseDecisionKind.Wait)
        {
            return;
        }

        int part = AllocatePart();
        var mixes = decision == ReleaseDecisionKind.Mix ? opts.AttributeMixes : [];
        for (int a = 0; a < mixes.Length; a++)
        {
            // In attribute order from the one mix stream: the variant first, so its draws come first. An attribute
            // with one value draws nothing and stays 0.
            int values = mixes[a].Length;
            if (values > 1)
            {
                int count = _model.AttributeValueCounts[a];
                record.Attributes[a] = (ushort)Draw(_mixCumulative.AsSpan(_mixOffset[a] + (e * count), count), ref _mixRng[e], values);
            }
        }

        _parts[part] = record;
        s.Held = part;
        s.Created++;
        if (_observer is not null)
        {
            NotifyPartCreated(e, part);
        }

        static int Draw(ReadOnlySpan<double> cumulative, ref SeededRandom rng, int count)
        {
            if (count == 1)
            {
                return 0;
            }

            double u = rng.NextDouble();
            int i = 0;
            while (i < count - 1 && u >= cumulative[i])
            {
                i++;
            }

            return i;
        }
    }

    /// <summary>Tells the observer of a new part, with its attributes (out of line: the stack buffer stays off the hot path).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NotifyPartCreated(int source, int part)
    {
        int count = _model.AttributeValueCounts.Length;
        Span<int> attributes = stackalloc int[PartAttributes.MaxCount];
        for (int a = 0; a < count; a++)
        {
            attributes[a] = _parts[part].Attributes[a];
        }

        _observer!.OnPartCreated(_now, source, part, attributes[..count]);
    }

    private void OnSinkArrival(int part)
    {
        _exitedTotal++;
        _exitedWindow++;
        double lead = _now - _parts[part].EntryTime;
        _leadTimeSum += lead;
        if (_leadTimeCount == _leadTimes.Length)
        {
            Array.Resize(ref _leadTimes, _leadTimes.Length * 2);
        }

        _leadTimes[_leadTimeCount++] = lead;
        ChangeWip(-1);
        FreePart(part);
    }

    private void Enqueue(int e, int part, double ready)
    {
        ref var st = ref _stores[e];
        LevelWillChange(e);
        if (st.Count == st.Slots.Length)
        {
            Grow(ref st);
        }

        int tail = st.Head + st.Count;
        if (tail >= st.Slots.Length)
        {
            tail -= st.Slots.Length;
        }

        st.Slots[tail] = new StoreSlot { Ready = ready, Part = part };
        st.Count++;
        _room[e] = _info[e].Capacity - st.Count;
        _observer?.OnStoreLevelChanged(_now, e, st.Count);
    }

    private int Dequeue(int e)
    {
        ref var st = ref _stores[e];
        LevelWillChange(e);
        int part = st.Slots[st.Head].Part;
        st.Head = st.Head + 1 == st.Slots.Length ? 0 : st.Head + 1;
        st.Count--;
        _room[e] = _info[e].Capacity - st.Count;
        if (_observer is { } observer)
        {
            observer.OnPartExited(_now, e, part);
            observer.OnStoreLevelChanged(_now, e, st.Count);
        }

        return part;
    }

    private static void Grow(ref StoreState st)
    {
        var slots = new StoreSlot[st.Slots.Length * 2];
        for (int i = 0; i < st.Count; i++)
        {
            slots[i] = st.Slots[(st.Head + i) % st.Slots.Length];
        }

        st.Slots = slots;
        st.Head = 0;
    }
}
