using FactoryTwin.Model.Capacity;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Cli.Commands;

/// <summary>What <c>validate</c> reports about a valid plant.</summary>
/// <param name="SiteId">The site id.</param>
/// <param name="Site">The site name.</param>
/// <param name="TimeZone">The site time zone.</param>
/// <param name="Counts">How many things of each kind the plant has.</param>
/// <param name="Lines">Capacity per line.</param>
/// <param name="ReleasePerHour">The sources' release rate, jobs per hour.</param>
/// <param name="CapacityPerHour">The plant's theoretical capacity, jobs per hour.</param>
/// <param name="Bottleneck">The plant's capacity bottleneck.</param>
internal sealed record PlantSummary(
    string SiteId,
    string Site,
    string TimeZone,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<LineSummary> Lines,
    double ReleasePerHour,
    double CapacityPerHour,
    string? Bottleneck)
{
    public static PlantSummary From(PlantModel model, CapacityReport capacity)
    {
        var lines = model.Lines().ToList();
        var stations = lines.SelectMany(l => l.Stations).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["areas"] = model.Areas.Count,
            ["lines"] = lines.Count,
            ["sources"] = lines.Sum(l => l.Sources.Count),
            ["stations"] = stations.Count,
            ["ovens"] = stations.Count(s => s.Oven is not null),
            ["oven zones"] = stations.Sum(s => s.Oven?.Zones.Count ?? 0),
            ["buffers"] = lines.Sum(l => l.Buffers.Count),
            ["conveyors"] = lines.Sum(l => l.Conveyors.Count),
            ["sinks"] = lines.Sum(l => l.Sinks.Count),
            ["variants"] = model.Variants.Count,
            ["colours"] = model.Colours.Count,
            ["body styles"] = model.BodyStyles.Count,
            ["measurement points"] = model.BodyStyles.Sum(b => b.Points.Count),
            ["materials"] = model.Materials.Count,
            ["paint systems"] = model.PaintSystems.Count,
            ["calendars"] = model.Calendars.Count,
            ["sensors"] = model.Sensors.Count,
            ["alarm rules"] = model.Alarms.Count,
            ["gateways"] = model.Gateways.Count,
        };
        var lineSummaries = capacity.Lines.Select(l =>
        {
            var bottleneck = capacity.Elements.FirstOrDefault(e => l.Bottleneck is { } b && e.Id == b);
            return new LineSummary(l.Line.Value, l.MaxReleasePerHour, l.Bottleneck?.Value, bottleneck?.Utilization);
        }).ToList();
        return new PlantSummary(
            model.Site.Id.Value, model.Site.Name, model.Site.TimeZone, counts, lineSummaries, capacity.ReleasePerHour, capacity.MaxReleasePerHour, capacity.Bottleneck?.Value);
    }
}
