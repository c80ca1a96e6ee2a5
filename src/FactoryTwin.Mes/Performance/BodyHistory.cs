using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Mes.Performance;

/// <summary>One body's path through the plant, read from its part events.</summary>
internal sealed class BodyHistory
{
    public required string PartId { get; init; }

    public required VariantId Variant { get; init; }

    public required ColourId Colour { get; init; }

    /// <summary>Gets the time of the body's first event: its release when <see cref="Released"/>.</summary>
    public required DateTimeOffset ReleasedAt { get; init; }

    /// <summary>Gets whether the first event is a release (at a source or an element a source feeds); else the body was in the plant before the events begin.</summary>
    public required bool Released { get; init; }

    public DateTimeOffset LastAt { get; private set; }

    /// <summary>Gets the latest cure verdict the plant reported for the body (on its exit from a judging oven).</summary>
    public ReportedCure? Reported { get; private set; }

    /// <summary>Gets where and when the body last entered an element.</summary>
    private (AssetId Asset, DateTimeOffset At)? LastEnter { get; set; }

    public List<(LineId Line, DateTimeOffset At)> Produced { get; } = [];

    public DateTimeOffset? FinishedAt { get; private set; }

    public (AssetId Station, LineId Line, DateTimeOffset At)? Scrap { get; private set; }

    public bool TouchesWindow(DateTimeOffset from, DateTimeOffset until) => ReleasedAt < until && LastAt >= from;

    /// <summary>
    /// Groups the events before <paramref name="until"/> by body (in order of each body's first event) and reads each
    /// path. A body leaving a line's output element is produced by the line only when it goes on to another line or out
    /// of the plant: a body the element sends to rework on its own line (inspection to spot repair) is not, yet.
    /// </summary>
    public static List<BodyHistory> Build(IReadOnlyList<PartEvent> events, PlantTopology topology, DateTimeOffset until)
    {
        var byPart = new Dictionary<string, (BodyHistory Body, PartEvent Last)>(StringComparer.Ordinal);
        var leaving = new Dictionary<string, (LineId Line, DateTimeOffset At)>(StringComparer.Ordinal);
        var bodies = new List<BodyHistory>();
        foreach (var e in events.Where(e => e.Timestamp < until).OrderBy(e => e.Timestamp).ThenBy(e => e.Seq))
        {
            PartEvent? previous = null;
            if (byPart.TryGetValue(e.PartId, out var entry))
            {
                previous = entry.Last;
            }
            else
            {
                entry = (new BodyHistory { PartId = e.PartId, Variant = e.Variant, Colour = e.Colour, ReleasedAt = e.Timestamp, Released = topology.ReleasePoints.Contains(e.Asset) }, e);
                bodies.Add(entry.Body);
            }

            var body = entry.Body;
            body.LastAt = e.Timestamp;
            if (e.Kind == PartEventKind.Enter)
            {
                body.LastEnter = (e.Asset, e.Timestamp);
            }
            else if (e.Cure is { } cure)
            {
                body.Reported = new ReportedCure(e.Asset, cure, e.Route);
            }

            if (leaving.Remove(e.PartId, out var left) && e.Kind == PartEventKind.Enter && topology.LineOf.GetValueOrDefault(e.Asset) != left.Line)
            {
                body.Produced.Add(left); // it left the output element for the next line
            }

            if (topology.Outputs.TryGetValue(e.Asset, out var output) && output.OnEntry == (e.Kind == PartEventKind.Enter))
            {
                if (output.OnEntry)
                {
                    body.Produced.Add((output.Line, e.Timestamp));
                }
                else if (previous is { Kind: PartEventKind.Enter } p && p.Timestamp == e.Timestamp && topology.LineOf.GetValueOrDefault(p.Asset) != output.Line)
                {
                    // The next line's gateway stamped the entry at the same instant and it sorted first.
                    body.Produced.Add((output.Line, e.Timestamp));
                }
                else
                {
                    leaving[e.PartId] = (output.Line, e.Timestamp); // produced when the next event enters another line
                }
            }

            if (topology.PlantExits.TryGetValue(e.Asset, out var onEntry) && onEntry == (e.Kind == PartEventKind.Enter))
            {
                body.FinishedAt ??= e.Timestamp;
            }

            byPart[e.PartId] = (body, e);
        }

        foreach (var (body, last) in byPart.Values)
        {
            bool exitedPlant = topology.PlantExits.TryGetValue(last.Asset, out var onEntry) && !onEntry && last.Kind == PartEventKind.Exit;
            if (leaving.TryGetValue(body.PartId, out var left) && exitedPlant)
            {
                body.Produced.Add(left); // the last element of the plant, without a route: out of the plant
            }

            // Scrapped: it left a station and entered nothing after (a body moving on enters the next element at once, so
            // an entry elsewhere at the same instant, which another gateway stamped and which sorted first, is that move).
            bool movedOn = body.LastEnter is { } enter && enter.At == last.Timestamp && enter.Asset != last.Asset;
            if (body.FinishedAt is null && last.Kind == PartEventKind.Exit && topology.Stations.Contains(last.Asset) && !movedOn)
            {
                body.Scrap = (last.Asset, topology.LineOf[last.Asset], last.Timestamp);
            }
        }

        return bodies;
    }
}
