using FactoryTwin.Model.Plants;

namespace FactoryTwin.Server.Api;

/// <summary>Projects the plant model into the API's DTOs once; the model is immutable.</summary>
internal sealed class PlantView
{
    public PlantView(PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        Model = plant;
        var sensors = plant.Sensors.Select(s => new SensorDto(
            s.Id.Value, s.Asset.Value, Kebab(s.Quantity), SensorQuantityKinds.SiUnit(s.Quantity), s.Unit, s.Min, s.Max)).ToArray();
        var assets = new List<AssetDto>();
        var areas = new List<AreaDto>();
        foreach (var area in plant.Areas)
        {
            var lines = new List<LineDto>();
            foreach (var line in area.Lines)
            {
                var elements = line.Elements().Select(e => ToDto(e, line.Id.Value)).ToArray();
                assets.AddRange(elements);
                lines.Add(new LineDto(line.Id.Value, line.Name, line.ShiftTarget, elements));
            }

            areas.Add(new AreaDto(area.Id.Value, area.Name, lines));
        }

        Dto = new PlantDto(
            plant.Site.Id.Value,
            plant.Site.Name,
            plant.Site.TimeZone,
            areas,
            sensors,
            plant.Gateways.Select(g => new GatewayDto(g.Id.Value, g.Name, g.Lines.Select(l => l.Value).ToArray())).ToArray());
        Assets = assets;
        AssetsById = assets.ToDictionary(a => a.Id, StringComparer.Ordinal);
        SensorsByAsset = sensors.GroupBy(s => s.Asset, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<SensorDto>)[.. g], StringComparer.Ordinal);
    }

    public PlantModel Model { get; }

    public PlantDto Dto { get; }

    public IReadOnlyList<AssetDto> Assets { get; }

    public IReadOnlyDictionary<string, AssetDto> AssetsById { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<SensorDto>> SensorsByAsset { get; }

    private static string Kebab(SensorQuantity quantity) => quantity.ToString().ToLowerInvariant();

    private static AssetDto ToDto(FlowElement e, string line)
    {
        var kind = e switch
        {
            Station { Oven: not null } => "oven",
            Station => "station",
            FactoryTwin.Model.Plants.Buffer => "buffer",
            Conveyor => "conveyor",
            Source => "source",
            Sink => "sink",
            _ => "element",
        };
        return new AssetDto(
            e.Id.Value,
            e.Name,
            kind,
            line,
            e.Next.Select(r => r.To.Value).ToArray(),
            (e as FactoryTwin.Model.Plants.Buffer)?.Capacity,
            e.Layout?.X,
            e.Layout?.Y);
    }
}
