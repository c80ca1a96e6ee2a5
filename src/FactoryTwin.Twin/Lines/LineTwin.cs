using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;

namespace FactoryTwin.Twin.Lines;

/// <summary>
/// The behaviour of a line twin without Orleans: a body joins the WIP at its first entry on any of the line's assets
/// and leaves it when it leaves the line: an entry at a sink, or an exit from an exit element (one that hands bodies
/// to another line); that counts as output and yields a lead time (first entry to leaving).
/// </summary>
internal sealed class LineTwin
{
    private readonly LineInfo _info;
    private readonly LineTwinState _state;
    private readonly HashSet<string> _sinks;
    private readonly HashSet<string> _exits;

    public LineTwin(LineInfo info, LineTwinState state)
    {
        _info = info;
        _state = state;
        _sinks = new HashSet<string>(info.Sinks, StringComparer.Ordinal);
        _exits = new HashSet<string>(info.Exits, StringComparer.Ordinal);
    }

    public LineInfo Info => _info;

    public LineTwinState State => _state;

    /// <summary>
    /// Applies the line's part events in time order. A body is output when it enters one of the line's sinks, or when it
    /// leaves an element that hands bodies off the line and does not enter an element of the line at the same instant
    /// (a body an inspection sends back to spot repair is not output; it is once it finally leaves). Such an exit is
    /// settled by the first event of a later instant.
    /// </summary>
    public bool Apply(TwinPartEvent[] parts)
    {
        var changed = false;
        foreach (var e in parts)
        {
            if (e.Timestamp < _state.LastPartAt)
            {
                continue; // late: historian only
            }

            if (e.Timestamp > _state.LastPartAt)
            {
                changed |= Settle(e.Timestamp);
            }

            _state.LastPartAt = e.Timestamp;
            Rollover(e.Timestamp);
            var sink = _sinks.Contains(e.Asset);
            if (sink && !e.Exit)
            {
                Output(e.PartId, e.Timestamp);
                changed = true;
            }
            else if (e.Exit && _exits.Contains(e.Asset))
            {
                _state.Leaving[e.PartId] = e.Timestamp;
                changed = true;
            }
            else if (!sink && !e.Exit)
            {
                // Straight back into the line from an exit element (rework): not output, still on the line.
                changed |= _state.Leaving.Remove(e.PartId) || _state.Wip.TryAdd(e.PartId, e.Timestamp);
            }
        }

        return changed;
    }

    /// <summary>Counts as output every body that left the line before <paramref name="before"/> and did not come back at once.</summary>
    private bool Settle(DateTimeOffset before)
    {
        if (_state.Leaving.Count == 0)
        {
            return false;
        }

        List<(string Part, DateTimeOffset At)>? settled = null;
        foreach (var (part, at) in _state.Leaving)
        {
            if (at < before)
            {
                (settled ??= []).Add((part, at));
            }
        }

        if (settled is null)
        {
            return false;
        }

        foreach (var (part, at) in settled)
        {
            _state.Leaving.Remove(part);
            Output(part, at);
        }

        return true;
    }

    private void Output(string part, DateTimeOffset at)
    {
        if (_state.Wip.Remove(part, out var entered))
        {
            _state.LeadTimeSeconds += (at - entered).TotalSeconds;
            _state.LeadTimeCount++;
        }

        _state.OutputShift++;
        AddToMinute(at);
    }

    private void Rollover(DateTimeOffset at)
    {
        var start = _info.Clock.ShiftStart(at);
        if (start > _state.ShiftStart)
        {
            _state.ShiftStart = start;
            _state.OutputShift = 0;
            _state.LeadTimeSeconds = 0;
            _state.LeadTimeCount = 0;
        }
    }

    private void AddToMinute(DateTimeOffset at)
    {
        var minute = at.ToUnixTimeSeconds() / 60;
        var slot = (int)(minute % 60);
        if (_state.MinuteIndex[slot] != minute)
        {
            if (_state.MinuteIndex[slot] > minute)
            {
                return;
            }

            _state.MinuteIndex[slot] = minute;
            _state.MinuteCounts[slot] = 0;
        }

        _state.MinuteCounts[slot]++;
    }

    public LineTwinView View(DateTimeOffset now, IReadOnlyList<StationKpiEntry> stations)
    {
        var shiftStart = _info.Clock.ShiftStart(now);
        var sameShift = shiftStart <= _state.ShiftStart;
        var minute = now.ToUnixTimeSeconds() / 60;
        long lastHour = 0;
        for (var i = 0; i < 60; i++)
        {
            if (_state.MinuteIndex[i] > minute - 60 && _state.MinuteIndex[i] <= minute)
            {
                lastHour += _state.MinuteCounts[i];
            }
        }

        // Bodies that left the line before now and are not settled yet are output as far as the view is concerned.
        long output = sameShift ? _state.OutputShift : 0, wip = _state.Wip.Count;
        double leadSeconds = sameShift ? _state.LeadTimeSeconds : 0;
        long leadCount = sameShift ? _state.LeadTimeCount : 0;
        foreach (var (part, at) in _state.Leaving)
        {
            if (at >= now)
            {
                continue;
            }

            bool onLine = _state.Wip.TryGetValue(part, out var entered);
            wip -= onLine ? 1 : 0;
            lastHour += at.ToUnixTimeSeconds() / 60 > minute - 60 ? 1 : 0;
            if (at >= shiftStart)
            {
                output++;
                if (onLine)
                {
                    leadSeconds += (at - entered).TotalSeconds;
                    leadCount++;
                }
            }
        }

        double planned = 0, working = 0, ideal = 0;
        long good = 0, scrap = 0;
        foreach (var s in stations)
        {
            planned += s.Kpi.PlannedSeconds;
            working += s.Kpi.WorkingSeconds;
            ideal += s.Kpi.IdealCycleTime * (s.Kpi.Good + s.Kpi.Scrap);
            good += s.Kpi.Good;
            scrap += s.Kpi.Scrap;
        }

        var availability = planned > 0 ? working / planned : 0;
        var performance = working > 0 ? ideal / working : 0;
        var quality = good + scrap > 0 ? (double)good / (good + scrap) : 0;
        return new LineTwinView(
            _info.Id,
            sameShift ? _state.ShiftStart : shiftStart,
            now,
            (int)wip,
            output,
            lastHour,
            leadCount > 0 ? leadSeconds / leadCount : 0,
            _info.ShiftTarget,
            availability,
            performance,
            quality,
            availability * performance * quality,
            [.. stations]);
    }
}
