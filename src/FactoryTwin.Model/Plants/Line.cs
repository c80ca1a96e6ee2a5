using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>A production line and its elements.</summary>
public sealed record Line
{
    /// <summary>Gets the id; the <c>{line}</c> segment of telemetry topics.</summary>
    public required LineId Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the shift calendar the line works to.</summary>
    public required CalendarId Calendar { get; init; }

    /// <summary>Gets the good parts the line is expected to make per shift, when a target is set.</summary>
    public int? ShiftTarget { get; init; }

    /// <summary>Gets where parts enter.</summary>
    public ValueList<Source> Sources { get; init; } = ValueList<Source>.Empty;

    /// <summary>Gets the stations.</summary>
    public ValueList<Station> Stations { get; init; } = ValueList<Station>.Empty;

    /// <summary>Gets the buffers.</summary>
    public ValueList<Buffer> Buffers { get; init; } = ValueList<Buffer>.Empty;

    /// <summary>Gets the conveyors.</summary>
    public ValueList<Conveyor> Conveyors { get; init; } = ValueList<Conveyor>.Empty;

    /// <summary>Gets where parts leave.</summary>
    public ValueList<Sink> Sinks { get; init; } = ValueList<Sink>.Empty;

    /// <summary>
    /// Enumerates the elements where a body leaves the line as its output, the one definition the twin's shift output and
    /// the dashboard's actual-output line share: a body counts when it enters one of the line's sinks, or when it leaves
    /// an element that hands bodies to another line or out of the plant (no route, or a route off the line).
    /// </summary>
    /// <returns>Each output element with whether a body counts on entering it (a sink) or on leaving it.</returns>
    public IEnumerable<(FlowElement Element, bool CountsOnEntry)> OutputElements()
    {
        var onLine = Elements().Select(e => e.Id).ToHashSet();
        foreach (var e in Elements())
        {
            if (e is Sink)
            {
                yield return (e, true);
            }
            else if (e is not Source && (e.Next.Count == 0 || e.Next.Any(r => !onLine.Contains(r.To))))
            {
                yield return (e, false);
            }
        }
    }

    /// <summary>Enumerates every flow element of the line: sources, stations, buffers, conveyors, sinks.</summary>
    /// <returns>The elements.</returns>
    public IEnumerable<FlowElement> Elements()
    {
        foreach (var e in Sources)
        {
            yield return e;
        }

        foreach (var e in Stations)
        {
            yield return e;
        }

        foreach (var e in Buffers)
        {
            yield return e;
        }

        foreach (var e in Conveyors)
        {
            yield return e;
        }

        foreach (var e in Sinks)
        {
            yield return e;
        }
    }
}
