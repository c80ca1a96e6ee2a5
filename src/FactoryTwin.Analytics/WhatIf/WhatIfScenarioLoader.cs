using System.Collections.Immutable;
using System.Globalization;
using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Distributions;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Units;
using FactoryTwin.Model.Yaml;

namespace FactoryTwin.Analytics.WhatIf;

/// <summary>
/// Loads what-if scenario files (<c>apiVersion: factorytwin/v1</c>, <c>kind: WhatIf</c>) and checks every change against
/// the plant: each error names file:line:column and what to write instead; nothing throws on bad input.
/// </summary>
public static class WhatIfScenarioLoader
{
    /// <summary>The <c>kind</c> a what-if scenario file declares.</summary>
    public const string Kind = "WhatIf";

    private static readonly string[] Targets = ["buffer", "station", "conveyor", "oven", "source", "productMix", "shift"];

    /// <summary>Loads a scenario file from disk.</summary>
    /// <param name="path">The file path; diagnostics name it as given.</param>
    /// <param name="plant">The plant the scenario changes.</param>
    /// <returns>The scenario when valid, and every diagnostic.</returns>
    public static WhatIfScenarioLoadResult LoadFile(string path, PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        var text = YamlSource.ReadFile(path, "what-if scenario file", bag);
        return text is null ? new WhatIfScenarioLoadResult(null, bag.Sorted()) : Parse(text, plant, path);
    }

    /// <summary>Parses and checks scenario YAML text.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="plant">The plant the scenario changes.</param>
    /// <param name="file">The file name used in diagnostics and as the default name.</param>
    /// <returns>The scenario when valid, and every diagnostic.</returns>
    public static WhatIfScenarioLoadResult Parse(string text, PlantModel plant, string file = "whatif.yaml")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(file);
        var bag = new DiagnosticBag();
        var node = YamlSource.ParseMapping(text, file, bag);
        if (node is null)
        {
            return new WhatIfScenarioLoadResult(null, bag.Sorted());
        }

        var root = new MappingReader(node, file, bag, "the what-if scenario");
        var version = root.Scalar("apiVersion", required: true, hint: $"'apiVersion: {PlantModel.CurrentApiVersion}' as the first line");
        if (version is { } v && !string.Equals(v.Value, PlantModel.CurrentApiVersion, StringComparison.Ordinal))
        {
            bag.Error(v.Location, DiagnosticCode.UnsupportedVersion, $"apiVersion '{v.Value}' is not supported: this version of FactoryTwin reads '{PlantModel.CurrentApiVersion}'.");
        }

        var kind = root.Scalar("kind", required: true, hint: $"'kind: {Kind}'");
        if (kind is { } k && !string.Equals(k.Value, Kind, StringComparison.Ordinal))
        {
            bag.Error(k.Location, DiagnosticCode.InvalidValue, $"the what-if scenario: kind '{k.Value}' is not a what-if scenario; write 'kind: {Kind}'.");
        }

        var name = root.Text("name") ?? Path.GetFileNameWithoutExtension(file);
        _ = root.Text("description");
        var changes = ImmutableArray.CreateBuilder<PlantChange>();
        var items = root.MappingList("changes", i => string.Create(CultureInfo.InvariantCulture, $"change {i + 1}"), required: true);
        var mix = plant.Variants.ToDictionary(x => x.Id, x => x.Mix);
        foreach (var item in items)
        {
            if (Read(item, plant, mix) is { } change)
            {
                changes.Add(change with { Location = item.Location });
            }
        }

        root.Finish();
        return new WhatIfScenarioLoadResult(bag.HasErrors ? null : new WhatIfScenario(name, changes.ToImmutable()), bag.Sorted());
    }

    private static PlantChange? Read(MappingReader item, PlantModel plant, Dictionary<VariantId, double> mix)
    {
        var present = Targets.Where(item.Has).ToList();
        if (present.Count != 1)
        {
            item.Diagnostics.Error(item.Location, present.Count == 0 ? DiagnosticCode.MissingField : DiagnosticCode.InvalidValue,
                $"{item.Context}: name exactly one thing to change with one of {string.Join(", ", Targets)}{(present.Count > 1 ? $" (this change names {string.Join(" and ", present)})" : string.Empty)}, e.g. 'buffer: closures-buffer' with 'capacity: 10'.");
            foreach (var key in Targets)
            {
                _ = item.Value(key);
            }

            SkipKnownFields(item);
            item.Finish();
            return null;
        }

        PlantChange? change = present[0] switch
        {
            "buffer" => ReadBuffer(item, plant),
            "station" => ReadStation(item, plant),
            "conveyor" => ReadConveyor(item, plant),
            "oven" => ReadOven(item, plant),
            "source" => ReadSource(item, plant),
            "productMix" => ReadMix(item, plant, mix),
            _ => ReadShift(item, plant),
        };
        item.Finish();
        return change;
    }

    private static void SkipKnownFields(MappingReader item)
    {
        foreach (var key in (string[])["capacity", "servers", "processingTime", "scrap", "failure", "mtbf", "mttr", "speed", "length", "conveyorSpeed", "setpoints", "interArrival", "calendar", "start", "end", "breaks"])
        {
            _ = item.Value(key);
        }
    }

    private static T? Element<T>(MappingReader item, string key, PlantModel plant, string what)
        where T : FlowElement
    {
        var id = item.Id(key);
        if (id is not { } found)
        {
            return null;
        }

        if (plant.FindElement(new AssetId(found.Value)) is T element && (typeof(T) != typeof(Station) || key != "oven" || ((Station)(FlowElement)element).Oven is not null))
        {
            return element;
        }

        var candidates = plant.Elements().OfType<T>().Where(e => key != "oven" || (e is Station { Oven: not null })).Select(e => e.Id.Value).ToList();
        item.Diagnostics.Error(found.Location, DiagnosticCode.UnknownReference,
            $"{item.Context}: '{found.Value}' is not {what} of the plant.{Suggestions.DidYouMean(found.Value, candidates)}");
        return null;
    }

    private static BufferCapacityChange? ReadBuffer(MappingReader item, PlantModel plant)
    {
        var buffer = Element<Model.Plants.Buffer>(item, "buffer", plant, "a buffer");
        var capacity = item.WholeNumber("capacity", required: true, ValueRange.AtLeastOne);
        return buffer is not null && capacity is { } c ? new BufferCapacityChange(buffer.Id, c) : null;
    }

    private static StationChange? ReadStation(MappingReader item, PlantModel plant)
    {
        var station = Element<Station>(item, "station", plant, "a station");
        var servers = item.WholeNumber("servers", range: ValueRange.AtLeastOne);
        var processing = DistributionReader.Read(item, "processingTime", QuantityKind.Duration, required: false);
        var scrap = item.Probability("scrap");
        var mode = item.Scalar("failure");
        var mtbf = item.Quantity("mtbf", QuantityKind.Duration, range: ValueRange.Positive);
        var mttr = item.Quantity("mttr", QuantityKind.Duration, range: ValueRange.Positive);
        if (!item.Has("servers") && !item.Has("processingTime") && !item.Has("scrap") && !item.Has("mtbf") && !item.Has("mttr"))
        {
            item.Diagnostics.Error(item.Location, DiagnosticCode.MissingField, $"{item.Context}: say what changes at the station: servers, processingTime, scrap, mtbf or mttr.");
            return null;
        }

        if (station is null)
        {
            return null;
        }

        if (processing is not null && station.Oven is not null)
        {
            item.Diagnostics.Error(item.KeyLocation("processingTime"), DiagnosticCode.InvalidValue, $"{item.Context}: '{station.Id}' is an oven: its time is its length over its conveyor speed; change 'oven: {station.Id}' with 'conveyorSpeed' instead.");
            return null;
        }

        if (mode is { } m && !station.Failures.Any(f => string.Equals(f.Name, m.Value, StringComparison.Ordinal)))
        {
            var names = station.Failures.Select(f => f.Name).ToList();
            item.Diagnostics.Error(m.Location, DiagnosticCode.UnknownReference, names.Count == 0
                ? $"{item.Context}: station '{station.Id}' has no failure modes."
                : $"{item.Context}: station '{station.Id}' has no failure mode '{m.Value}'; it has {string.Join(", ", names.Select(n => "'" + n + "'"))}.");
            return null;
        }

        if ((mtbf is not null || mttr is not null) && station.Failures.Count == 0)
        {
            item.Diagnostics.Error(item.KeyLocation(mtbf is not null ? "mtbf" : "mttr"), DiagnosticCode.InvalidValue, $"{item.Context}: station '{station.Id}' has no failure modes to change; add one in the plant file first.");
            return null;
        }

        if (item.Diagnostics.HasErrors)
        {
            return null;
        }

        return new StationChange(station.Id)
        {
            Servers = servers,
            ProcessingTime = processing,
            Scrap = scrap,
            FailureMode = mode?.Value,
            MeanTimeBetweenFailures = mtbf,
            MeanTimeToRepair = mttr,
        };
    }

    private static ConveyorChange? ReadConveyor(MappingReader item, PlantModel plant)
    {
        var conveyor = Element<Conveyor>(item, "conveyor", plant, "a conveyor");
        var speed = item.Quantity("speed", QuantityKind.Speed, range: ValueRange.Positive);
        var length = item.Quantity("length", QuantityKind.Length, range: ValueRange.Positive);
        if (!item.Has("speed") && !item.Has("length"))
        {
            item.Diagnostics.Error(item.Location, DiagnosticCode.MissingField, $"{item.Context}: say what changes at the conveyor: 'speed: 14 m/min' and/or 'length: 40 m'.");
            return null;
        }

        return conveyor is not null && (speed is not null || length is not null) ? new ConveyorChange(conveyor.Id) { Speed = speed, Length = length } : null;
    }

    private static OvenChange? ReadOven(MappingReader item, PlantModel plant)
    {
        var station = Element<Station>(item, "oven", plant, "an oven");
        var speed = item.Quantity("conveyorSpeed", QuantityKind.Speed, range: ValueRange.Positive);
        var setpoints = ImmutableDictionary.CreateBuilder<ZoneId, double>();
        var map = item.Mapping("setpoints", item.Context + " setpoints");
        if (map is not null && station?.Oven is { } oven)
        {
            foreach (var zone in oven.Zones)
            {
                if (map.Quantity(zone.Id.Value, QuantityKind.Temperature, range: ValueRange.Positive) is { } t)
                {
                    setpoints[zone.Id] = t;
                }
            }

            map.Finish();
        }

        if (!item.Has("conveyorSpeed") && !item.Has("setpoints"))
        {
            item.Diagnostics.Error(item.Location, DiagnosticCode.MissingField, $"{item.Context}: say what changes at the oven: 'conveyorSpeed: 7 m/min' and/or 'setpoints: {{ z1: 200 degC }}'.");
            return null;
        }

        return station is not null ? new OvenChange(station.Id) { ConveyorSpeed = speed, Setpoints = setpoints.ToImmutable() } : null;
    }

    private static SourceChange? ReadSource(MappingReader item, PlantModel plant)
    {
        var source = Element<Source>(item, "source", plant, "a source");
        var interArrival = DistributionReader.Read(item, "interArrival", QuantityKind.Duration, required: true);
        if (interArrival is not null && !(interArrival.Mean > 0))
        {
            item.Diagnostics.Error(item.KeyLocation("interArrival"), DiagnosticCode.OutOfRange, $"{item.Context}: the mean time between releases must be positive.");
            return null;
        }

        return source is not null && interArrival is not null ? new SourceChange(source.Id, interArrival) : null;
    }

    private static ProductMixChange? ReadMix(MappingReader item, PlantModel plant, Dictionary<VariantId, double> mix)
    {
        var map = item.Mapping("productMix", item.Context + " productMix");
        if (map is null)
        {
            return null;
        }

        var changed = ImmutableDictionary.CreateBuilder<VariantId, double>();
        foreach (var variant in plant.Variants)
        {
            if (map.Probability(variant.Id.Value) is { } share)
            {
                changed[variant.Id] = share;
            }
        }

        map.Finish();
        if (changed.Count == 0)
        {
            if (map.Node.Children.Count > 0)
            {
                return null;
            }

            item.Diagnostics.Error(item.KeyLocation("productMix"), DiagnosticCode.MissingField, $"{item.Context}: productMix needs the share of at least one variant, e.g. {{ {string.Join(", ", plant.Variants.Select(v => v.Id.Value + ": 0.5"))} }}.");
            return null;
        }

        foreach (var (variant, share) in changed)
        {
            mix[variant] = share;
        }

        double sum = mix.Values.Sum();
        if (Math.Abs(sum - 1) > 1e-6)
        {
            item.Diagnostics.Error(item.KeyLocation("productMix"), DiagnosticCode.MixSum,
                string.Create(CultureInfo.InvariantCulture, $"{item.Context}: the variant shares sum to {sum:0.####} after this change ({string.Join(", ", mix.Select(p => $"{p.Key} {p.Value:0.###}"))}); they must sum to 1."));
            return null;
        }

        return new ProductMixChange(changed.ToImmutable());
    }

    private static ShiftChange? ReadShift(MappingReader item, PlantModel plant)
    {
        var calendarId = item.Id("calendar", required: plant.Calendars.Count != 1);
        var shiftId = item.Id("shift");
        var start = ReadTime(item, "start");
        var end = ReadTime(item, "end");
        ValueList<ShiftBreak>? breaks = null;
        if (item.Has("breaks"))
        {
            var list = new List<ShiftBreak>();
            foreach (var b in item.MappingList("breaks", i => string.Create(CultureInfo.InvariantCulture, $"{item.Context} break {i + 1}")))
            {
                var breakName = b.Text("name") ?? "break";
                var bs = ReadTime(b, "start", required: true);
                var bd = b.Quantity("duration", QuantityKind.Duration, required: true, ValueRange.Positive);
                b.Finish();
                if (bs is { } s && bd is { } d)
                {
                    list.Add(new ShiftBreak(breakName, s, d));
                }
            }

            breaks = list.ToValueList();
        }

        if (start is null && end is null && breaks is null && !item.Has("start") && !item.Has("end"))
        {
            item.Diagnostics.Error(item.Location, DiagnosticCode.MissingField, $"{item.Context}: say what changes in the shift: 'start', 'end' and/or 'breaks'.");
            return null;
        }

        var calendar = calendarId is { } c
            ? plant.Calendars.FirstOrDefault(x => x.Id.Value == c.Value)
            : plant.Calendars.Count == 1 ? plant.Calendars[0] : null;
        if (calendarId is { } cid && calendar is null)
        {
            item.Diagnostics.Error(cid.Location, DiagnosticCode.UnknownReference, $"{item.Context}: '{cid.Value}' is not a calendar of the plant.{Suggestions.DidYouMean(cid.Value, plant.Calendars.Select(x => x.Id.Value))}");
            return null;
        }

        if (calendar is null || shiftId is not { } sid)
        {
            return null;
        }

        var shift = calendar.Shifts.FirstOrDefault(s => s.Id.Value == sid.Value);
        if (shift is null)
        {
            item.Diagnostics.Error(sid.Location, DiagnosticCode.UnknownReference, $"{item.Context}: calendar '{calendar.Id}' has no shift '{sid.Value}'.{Suggestions.DidYouMean(sid.Value, calendar.Shifts.Select(x => x.Id.Value))}");
            return null;
        }

        var newStart = start ?? shift.Start;
        var newEnd = end ?? shift.End;
        double length = (newEnd.ToTimeSpan() - newStart.ToTimeSpan()).TotalSeconds;
        length = length <= 0 ? length + 86400 : length;
        foreach (var b in breaks ?? shift.Breaks)
        {
            double offset = (b.Start.ToTimeSpan() - newStart.ToTimeSpan()).TotalSeconds;
            offset = offset < 0 ? offset + 86400 : offset;
            if (offset + b.Duration > length + 1e-9)
            {
                item.Diagnostics.Error(item.KeyLocation(breaks is not null ? "breaks" : end is not null ? "end" : "start"), DiagnosticCode.InvalidCalendar,
                    string.Create(CultureInfo.InvariantCulture, $"{item.Context}: the break '{b.Name}' at {b.Start:HH\\:mm} does not lie within the shift ({newStart:HH\\:mm}–{newEnd:HH\\:mm})."));
                return null;
            }
        }

        return new ShiftChange(calendar.Id, shift.Id) { Start = start, End = end, Breaks = breaks };
    }

    private static TimeOnly? ReadTime(MappingReader item, string key, bool required = false)
    {
        var s = item.Scalar(key, required, $"'{key}: \"06:00\"'");
        if (s is not { } text)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text.Value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        item.Diagnostics.Error(text.Location, DiagnosticCode.InvalidValue, $"{item.Context}: {key} '{text.Value}' is not a time of day; write HH:mm in quotes, e.g. \"06:00\".");
        return null;
    }
}
