using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Mes.Performance;

/// <summary>One body's path through the plant, read from its part events.</summary>
internal sealed class BodyHistory
{
    public required string PartId { get; init; }

    public required VariantId Variant { get; init; }

    public required ColourId Colour { get; init; }

    public required DateTimeOffset ReleasedAt { get; init; }

    public DateTimeOffset LastAt { get; private set; }

    public List<(LineId Line, DateTimeOffset At)> Produced { get; } = [];

    public DateTimeOffset? FinishedAt { get; private set; }

    public (AssetId Station, LineId Line, DateTimeOffset At)? Scrap { get; private set; }

    public bool TouchesWindow(DateTimeOffset from, DateTimeOffset until) => ReleasedAt < until && LastAt >= from;

    /// <summary>Groups the events before <paramref name="until"/> by body (in order of each body's first event) and reads each path.</summary>
    public static List<BodyHistory> Build(IReadOnlyList<PartEvent> events, PlantTopology topology, DateTimeOffset until)
    {
        var byPart = new Dictionary<string, (BodyHistory Body, PartEvent Last)>(StringComparer.Ordinal);
        var bodies = new List<BodyHistory>();
        foreach (var e in events.Where(e => e.Timestamp < until).OrderBy(e => e.Timestamp).ThenBy(e => e.Seq))
        {
            if (!byPart.TryGetValue(e.PartId, out var entry))
            {
                entry = (new BodyHistory { PartId = e.PartId, Variant = e.Variant, Colour = e.Colour, ReleasedAt = e.Timestamp }, e);
                bodies.Add(entry.Body);
            }

            var body = entry.Body;
            body.LastAt = e.Timestamp;
            if (topology.Outputs.TryGetValue(e.Asset, out var output) && output.OnEntry == (e.Kind == PartEventKind.Enter))
            {
                body.Produced.Add((output.Line, e.Timestamp));
            }

            if (topology.PlantExits.TryGetValue(e.Asset, out var onEntry) && onEntry == (e.Kind == PartEventKind.Enter))
            {
                body.FinishedAt ??= e.Timestamp;
            }

            byPart[e.PartId] = (body, e);
        }

        foreach (var (body, last) in byPart.Values)
        {
            // Scrapped: it left a station and entered nothing after (a body moving on enters the next element at once).
            if (body.FinishedAt is null && last.Kind == PartEventKind.Exit && topology.Stations.Contains(last.Asset)
                && !topology.Outputs.ContainsKey(last.Asset))
            {
                body.Scrap = (last.Asset, topology.LineOf[last.Asset], last.Timestamp);
            }
        }

        return bodies;
    }
}
