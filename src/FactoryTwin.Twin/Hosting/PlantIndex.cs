using System.Collections.Frozen;
using FactoryTwin.Model.Plants;
using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Twin.Hosting;

/// <summary>What the twins need to know of the plant model, indexed by asset and line id; built once per silo.</summary>
internal sealed class PlantIndex
{
    private static readonly AssetInfo UnknownAsset = new("", "", TwinAssetKind.Unknown, 0, [], null, null, new ShiftClock(null, TimeZoneInfo.Utc));

    public PlantIndex(PlantModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Site = model.Site.Id.Value;
        var zone = ShiftClock.FindZone(model.Site.TimeZone);
        var calendars = new Dictionary<string, ShiftCalendar>(StringComparer.Ordinal);
        foreach (var c in model.Calendars)
        {
            calendars[c.Id.Value] = c;
        }

        var rulesByAsset = new Dictionary<string, List<AlarmRule>>(StringComparer.Ordinal);
        var sensorAsset = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in model.Sensors)
        {
            sensorAsset[s.Id.Value] = s.Asset.Value;
        }

        foreach (var rule in model.Alarms)
        {
            var asset = rule switch
            {
                ThresholdAlarm t => sensorAsset.GetValueOrDefault(t.Sensor.Value),
                RateOfChangeAlarm r => sensorAsset.GetValueOrDefault(r.Sensor.Value),
                AnomalyAlarm a => sensorAsset.GetValueOrDefault(a.Sensor.Value),
                StaleDataAlarm s => sensorAsset.GetValueOrDefault(s.Sensor.Value),
                StateDurationAlarm d => d.Asset.Value,
                _ => null,
            };
            if (asset is null)
            {
                continue;
            }

            if (!rulesByAsset.TryGetValue(asset, out var list))
            {
                rulesByAsset[asset] = list = [];
            }

            list.Add(rule);
        }

        var assets = new Dictionary<string, AssetInfo>(StringComparer.Ordinal);
        var lines = new List<LineInfo>();
        foreach (var line in model.Lines())
        {
            var clock = new ShiftClock(calendars.GetValueOrDefault(line.Calendar.Value), zone);
            var stations = new List<string>();
            var sinks = new List<string>();
            var members = new List<string>();
            var exits = line.OutputElements().Where(o => !o.CountsOnEntry).Select(o => o.Element.Id.Value).ToList();
            foreach (var e in line.Elements())
            {
                var (kind, ideal) = e switch
                {
                    Station { Oven: not null } s => (TwinAssetKind.Oven, s.IdealCycleTime ?? (s.Oven.Pitch / s.Oven.ConveyorSpeed)),
                    Station s => (TwinAssetKind.Station, s.IdealCycleTime ?? (s.MeanProcessingTime / Math.Max(1, s.Servers))),
                    FactoryTwin.Model.Plants.Buffer => (TwinAssetKind.Buffer, 0d),
                    Conveyor => (TwinAssetKind.Conveyor, 0d),
                    Source => (TwinAssetKind.Source, 0d),
                    Sink => (TwinAssetKind.Sink, 0d),
                    _ => (TwinAssetKind.Unknown, 0d),
                };
                var id = e.Id.Value;
                var rules = rulesByAsset.TryGetValue(id, out var r) ? r.ToArray() : [];
                assets[id] = new AssetInfo(id, line.Id.Value, kind, ideal, rules, (e as Station)?.Oven, e as Station, clock);
                members.Add(id);
                if (kind is TwinAssetKind.Station or TwinAssetKind.Oven)
                {
                    stations.Add(id);
                }
                else if (kind == TwinAssetKind.Sink)
                {
                    sinks.Add(id);
                }
            }

            lines.Add(new LineInfo(line.Id.Value, line.ShiftTarget, [.. stations], [.. sinks], [.. exits], [.. members], clock));
        }

        Assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
        Lines = [.. lines];
        LinesById = lines.ToFrozenDictionary(l => l.Id, StringComparer.Ordinal);
        var alarmAssets = new List<string>();
        foreach (var a in assets.Values)
        {
            if (a.Rules.Length > 0 || a.Kind == TwinAssetKind.Oven)
            {
                alarmAssets.Add(a.Id);
            }
        }

        alarmAssets.Sort(StringComparer.Ordinal);
        AlarmAssets = [.. alarmAssets];
    }

    public PlantModel Model { get; }

    public string Site { get; }

    public FrozenDictionary<string, AssetInfo> Assets { get; }

    public LineInfo[] Lines { get; }

    public FrozenDictionary<string, LineInfo> LinesById { get; }

    /// <summary>Gets the assets that can raise alarms (rules, or an oven's cure watch).</summary>
    public string[] AlarmAssets { get; }

    public AssetInfo Asset(string id) => Assets.TryGetValue(id, out var a) ? a : UnknownAsset with { Id = id };
}
