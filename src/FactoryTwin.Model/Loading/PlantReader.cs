using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Yaml;

namespace FactoryTwin.Model.Loading;

/// <summary>Reads a plant file's node tree into a <see cref="PlantModel"/>, collecting every problem.</summary>
internal sealed partial class PlantReader(MappingReader root)
{
    private readonly Dictionary<string, Dictionary<string, SourceLocation>> _declared = new(StringComparer.Ordinal);
    private readonly List<(string Kind, Located<string> Ref, string Context)> _references = [];
    private readonly List<Edge> _edges = [];
    private readonly Dictionary<string, SensorQuantity> _sensorQuantities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sensorAssets = new(StringComparer.Ordinal);
    private readonly List<(Located<string> Sensor, string Oven, string Context)> _zoneSensors = [];
    private readonly List<(Located<string> Asset, string Context)> _stateAlarmAssets = [];
    private readonly List<(string Element, SourceLocation Location, ValueList<Route> Routes)> _variantSplits = [];
    private readonly HashSet<string> _stationIds = new(StringComparer.Ordinal);
    private readonly List<string> _sourceIds = [];
    private bool _unresolvedAssets;

    private DiagnosticBag Bag => root.Diagnostics;

    private string File => root.File;

    public PlantModel? Read()
    {
        var version = root.Scalar("apiVersion", required: true, hint: $"'apiVersion: {PlantModel.CurrentApiVersion}' as the first line");
        if (version is { } v && !string.Equals(v.Value, PlantModel.CurrentApiVersion, StringComparison.Ordinal))
        {
            Bag.Error(v.Location, DiagnosticCode.UnsupportedVersion, $"apiVersion '{v.Value}' is not supported: this version of FactoryTwin reads '{PlantModel.CurrentApiVersion}'.");
        }

        var site = ReadSite();
        var calendars = ReadCalendars();
        var materials = ReadMaterials();
        var paintSystems = ReadPaintSystems();
        var bodyStyles = ReadBodyStyles();
        var variants = ReadVariants();
        var colours = ReadColours();
        var areas = ReadAreas();
        var sensors = ReadSensors();
        var alarms = ReadAlarms();
        var gateways = ReadGateways();
        root.Finish();

        ResolveReferences();
        CheckVariantSplits(variants);
        CheckZoneSensors();
        CheckRouting();

        if (site is null)
        {
            return null;
        }

        return new PlantModel
        {
            Site = site,
            Calendars = calendars,
            Materials = materials,
            PaintSystems = paintSystems,
            BodyStyles = bodyStyles,
            Variants = variants,
            Colours = colours,
            Areas = areas,
            Sensors = sensors,
            Alarms = alarms,
            Gateways = gateways,
        };
    }

    private Site? ReadSite()
    {
        var r = root.Mapping("site", "the site", required: true);
        if (r is null)
        {
            return null;
        }

        var id = r.Id("id");
        var name = r.Text("name") ?? id?.Value;
        var tz = r.Scalar("timeZone");
        if (tz is { } zone && !IsKnownTimeZone(zone.Value))
        {
            Bag.Error(zone.Location, DiagnosticCode.InvalidValue, $"the site: '{zone.Value}' is not a known IANA time zone; write e.g. 'Europe/Berlin' or 'UTC'.");
        }

        r.Finish();
        return id is null ? null : new Site(new SiteId(id.Value.Value), name ?? id.Value.Value, tz?.Value ?? "UTC");
    }

    private static bool IsKnownTimeZone(string id)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            return true;
        }

        // Without a time-zone database on the machine, nothing can be checked: accept the name.
        return TimeZoneInfo.GetSystemTimeZones().Count <= 1;
    }

    /// <summary>Records a declaration, reporting a duplicate of the same kind.</summary>
    private void Declare(string kind, Located<string>? id)
    {
        if (id is not { } v)
        {
            return;
        }

        if (!_declared.TryGetValue(kind, out var ids))
        {
            ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            _declared[kind] = ids;
        }

        if (ids.TryGetValue(v.Value, out var first))
        {
            Bag.Error(v.Location, DiagnosticCode.DuplicateId, $"duplicate {kind} id '{v.Value}': it is already declared at line {first.Line}; ids must be unique.");
            return;
        }

        ids[v.Value] = v.Location;
    }

    /// <summary>Records a reference to be checked once every declaration is known.</summary>
    private void Reference(string kind, Located<string>? id, string context)
    {
        if (id is { } v)
        {
            _references.Add((kind, v, context));
        }
    }

    private bool IsDeclared(string kind, string id) => _declared.TryGetValue(kind, out var ids) && ids.ContainsKey(id);

    private void ResolveReferences()
    {
        foreach (var (kind, reference, context) in _references)
        {
            if (IsDeclared(kind, reference.Value))
            {
                continue;
            }

            _unresolvedAssets |= kind == "asset";

            var known = _declared.TryGetValue(kind, out var ids) ? ids.Keys : (IEnumerable<string>)[];
            var suggestion = Suggestions.DidYouMean(reference.Value, known);
            var declaredAs = string.Empty;
            if (suggestion.Length == 0)
            {
                foreach (var (otherKind, otherIds) in _declared)
                {
                    if (otherKind != kind && otherIds.ContainsKey(reference.Value))
                    {
                        declaredAs = $" ('{reference.Value}' is a {otherKind}, not a {kind}.)";
                        break;
                    }
                }
            }

            Bag.Error(reference.Location, DiagnosticCode.UnknownReference, $"{context}: no {kind} '{reference.Value}' is declared.{suggestion}{declaredAs}");
        }
    }

    private static Func<int, string> Indexed(string what) => i => $"{what} #{i + 1}";

    /// <summary>Names the context of a list item by its id once known.</summary>
    private static string Named(MappingReader r, string what)
    {
        var idNode = r.Has("id") ? r.Value("id") : null;
        var label = idNode is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { Length: > 0 } s } ? s : null;
        r.Context = label is null ? r.Context : $"{what} '{label}'";
        return r.Context;
    }

    private readonly record struct Edge(string From, Located<string> To, bool IsRework);
}
