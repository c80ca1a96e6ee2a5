using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Units;
using FactoryTwin.Model.Yaml;
using YamlDotNet.RepresentationModel;

namespace FactoryTwin.Model.Loading;

/// <summary>Areas, lines and their flow elements.</summary>
internal sealed partial class PlantReader
{
    private ValueList<Area> ReadAreas()
    {
        var result = new List<Area>();
        foreach (var r in root.MappingList("areas", Indexed("area"), required: true))
        {
            var context = Named(r, "area");
            var id = r.Id("id");
            Declare("area", id);
            var name = r.Text("name");
            var lines = new List<Line>();
            foreach (var l in r.MappingList("lines", Indexed(context + " line"), required: true))
            {
                if (ReadLine(l) is { } line)
                {
                    lines.Add(line);
                }
            }

            r.Finish();
            if (id is { } i)
            {
                result.Add(new Area(new AreaId(i.Value), name ?? i.Value, lines.ToValueList()));
            }
        }

        return result.ToValueList();
    }

    private Line? ReadLine(MappingReader r)
    {
        var context = Named(r, "line");
        var id = r.Id("id");
        Declare("line", id);
        var name = r.Text("name");
        var calendar = r.Id("calendar");
        Reference("calendar", calendar, context);
        var target = r.WholeNumber("shiftTarget", required: false, ValueRange.AtLeastOne);

        var sources = new List<Source>();
        foreach (var e in r.MappingList("sources", Indexed(context + " source")))
        {
            var c = Named(e, "source");
            var common = ReadCommon(e, c, isSink: false);
            var interArrival = DistributionReader.Read(e, "interArrival", QuantityKind.Duration, required: true);
            if (common is { } src)
            {
                _sourceIds.Add(src.Id.Value);
            }

            e.Finish();
            if (common is { } x && interArrival is not null)
            {
                sources.Add(new Source { Id = x.Id, Name = x.Name, Next = x.Next, Layout = x.Layout, InterArrival = interArrival });
            }
        }

        var stations = new List<Station>();
        foreach (var e in r.MappingList("stations", Indexed(context + " station"), required: true))
        {
            if (ReadStation(e) is { } s)
            {
                stations.Add(s);
            }
        }

        var buffers = new List<Plants.Buffer>();
        foreach (var e in r.MappingList("buffers", Indexed(context + " buffer")))
        {
            var c = Named(e, "buffer");
            var common = ReadCommon(e, c, isSink: false);
            var capacity = e.WholeNumber("capacity", required: true, ValueRange.AtLeastOne);
            e.Finish();
            if (common is { } x && capacity is { } cap)
            {
                buffers.Add(new Plants.Buffer { Id = x.Id, Name = x.Name, Next = x.Next, Layout = x.Layout, Capacity = cap });
            }
        }

        var conveyors = new List<Conveyor>();
        foreach (var e in r.MappingList("conveyors", Indexed(context + " conveyor")))
        {
            var c = Named(e, "conveyor");
            var common = ReadCommon(e, c, isSink: false);
            var length = e.Quantity("length", QuantityKind.Length, required: true, ValueRange.Positive);
            var speed = e.Quantity("speed", QuantityKind.Speed, required: true, ValueRange.Positive);
            var pitch = e.Quantity("pitch", QuantityKind.Length, required: true, ValueRange.Positive);
            if (length is { } len && pitch is { } p && p > len)
            {
                Bag.Error(e.KeyLocation("pitch"), DiagnosticCode.OutOfRange, $"{c}: the pitch is longer than the conveyor, so it could not hold a single part.");
                pitch = null;
            }

            e.Finish();
            if (common is { } x && length is { } l && speed is { } sp && pitch is { } pp)
            {
                conveyors.Add(new Conveyor { Id = x.Id, Name = x.Name, Next = x.Next, Layout = x.Layout, Length = l, Speed = sp, Pitch = pp });
            }
        }

        var sinks = new List<Sink>();
        foreach (var e in r.MappingList("sinks", Indexed(context + " sink")))
        {
            var c = Named(e, "sink");
            var common = ReadCommon(e, c, isSink: true);
            e.Finish();
            if (common is { } x)
            {
                sinks.Add(new Sink { Id = x.Id, Name = x.Name, Layout = x.Layout });
            }
        }

        r.Finish();
        if (id is null || calendar is null)
        {
            return null;
        }

        return new Line
        {
            Id = new LineId(id.Value.Value),
            Name = name ?? id.Value.Value,
            Calendar = new CalendarId(calendar.Value.Value),
            ShiftTarget = target,
            Sources = sources.ToValueList(),
            Stations = stations.ToValueList(),
            Buffers = buffers.ToValueList(),
            Conveyors = conveyors.ToValueList(),
            Sinks = sinks.ToValueList(),
        };
    }

    private Station? ReadStation(MappingReader e)
    {
        var c = Named(e, "station");
        var common = ReadCommon(e, c, isSink: false);
        var kind = e.Enum<StationKind>("kind", required: true);
        if (common is { } cm)
        {
            _stationIds.Add(cm.Id.Value);
        }

        var servers = e.WholeNumber("servers", required: false, ValueRange.AtLeastOne);
        var isOven = kind == StationKind.Oven;
        if (isOven && e.Has("servers"))
        {
            Bag.Error(e.KeyLocation("servers"), DiagnosticCode.InvalidOven, $"{c}: an oven holds as many bodies as fit its length at its pitch; remove 'servers'.");
        }

        Distributions.Distribution? processing = null;
        if (isOven)
        {
            if (e.Has("processingTime"))
            {
                Bag.Error(e.KeyLocation("processingTime"), DiagnosticCode.InvalidOven, $"{c}: an oven's time is its transit time (zone lengths / conveyor speed); remove 'processingTime'.");
            }
        }
        else
        {
            processing = DistributionReader.Read(e, "processingTime", QuantityKind.Duration, required: kind is not null);
            if (processing is not null && processing.Mean <= 0)
            {
                Bag.Error(e.KeyLocation("processingTime"), DiagnosticCode.InvalidDistribution, $"{c}: the processing time must have a mean greater than 0.");
                processing = null;
            }
        }

        var ideal = e.Quantity("idealCycleTime", QuantityKind.Duration, required: false, ValueRange.Positive);
        var setup = ReadSetup(e, c);
        var failures = new List<FailureMode>();
        var defaultScope = isOven ? FailureScope.Station : FailureScope.Server;
        (FailureScope Scope, string Name)? firstScope = null;
        foreach (var f in e.MappingList("failures", Indexed(c + " failure")))
        {
            var name = f.Text("name") ?? "failure";
            var tbf = DistributionReader.Read(f, "timeBetween", QuantityKind.Duration, required: true);
            var ttr = DistributionReader.Read(f, "timeToRepair", QuantityKind.Duration, required: true);
            var basis = f.Enum<FailureBasis>("basis") ?? FailureBasis.Operating;
            var hasScope = f.Has("scope");
            var scope = f.Enum<FailureScope>("scope");
            if (isOven && scope == FailureScope.Server)
            {
                Bag.Error(f.KeyLocation("scope"), DiagnosticCode.InvalidOven, $"{f.Context}: an oven's conveyor carries every body, so a failure stops the whole oven; remove 'scope' or set 'scope: station'.");
                scope = null;
            }

            // The engine has one failure process per server or one per station, so all of a station's modes share a
            // scope (FailuresOf in the plant layer combines them into one failure process).
            if (scope is not null || !hasScope)
            {
                var effective = scope ?? defaultScope;
                if (firstScope is not { } first)
                {
                    firstScope = (effective, name);
                }
                else if (first.Scope != effective)
                {
                    Bag.Error(f.KeyLocation("scope"), DiagnosticCode.InvalidValue, $"{c}: failure '{name}' has scope {ScopeName(effective)} but '{first.Name}' has scope {ScopeName(first.Scope)}; all failures of one station must have the same scope (the default is {ScopeName(defaultScope)}).");
                }
            }

            if (tbf is not null && tbf.Mean <= 0)
            {
                Bag.Error(f.KeyLocation("timeBetween"), DiagnosticCode.InvalidDistribution, $"{f.Context}: the time between failures must have a mean greater than 0.");
                tbf = null;
            }

            f.Finish();
            if (tbf is not null && ttr is not null)
            {
                failures.Add(new FailureMode(name, tbf, ttr, basis) { Scope = scope });
            }
        }

        var scrap = e.Probability("scrap");
        Rework? rework = null;
        if (e.Mapping("rework", c + " rework") is { } rw)
        {
            var p = rw.Probability("probability", required: true);
            var to = rw.Id("to");
            Reference("asset", to, rw.Context);
            if (to is { } t && common is { } x)
            {
                _edges.Add(new Edge(x.Id.Value, t, IsRework: true));
            }

            rw.Finish();
            if (p is { } pp && to is { } tt)
            {
                rework = new Rework(pp, new AssetId(tt.Value));
                if ((scrap ?? 0) + pp > 1 + 1e-12)
                {
                    Bag.Error(rw.KeyLocation("probability"), DiagnosticCode.InvalidProbability, $"{c}: scrap and rework probabilities add up to more than 1.");
                }
            }
        }

        Oven? oven = null;
        var ovenReader = e.Mapping("oven", c + " oven");
        if (ovenReader is not null && kind is not null && !isOven)
        {
            Bag.Error(e.KeyLocation("oven"), DiagnosticCode.InvalidOven, $"{c}: only a station of kind 'oven' has an 'oven' section; set 'kind: oven' or remove it.");
        }
        else if (ovenReader is null && isOven)
        {
            Bag.Error(e.Location, DiagnosticCode.InvalidOven, $"{c} is an oven but has no 'oven' section: add its zones, conveyorSpeed, pitch and paintSystem.");
        }

        if (ovenReader is not null)
        {
            oven = ReadOven(ovenReader, common?.Id.Value ?? string.Empty);
        }

        if (oven?.CureRework is not null && rework is not null)
        {
            Bag.Error(e.KeyLocation("rework"), DiagnosticCode.InvalidOven, $"{c}: the oven sends bodies to rework by their predicted cure ('oven.cureRework'); a station has one rework route, so remove 'rework' or 'cureRework'.");
        }

        e.Finish();
        if (common is not { } s || kind is null || (processing is null && !isOven) || (isOven && oven is null))
        {
            return null;
        }

        return new Station
        {
            Id = s.Id,
            Name = s.Name,
            Next = s.Next,
            Layout = s.Layout,
            Kind = kind.Value,
            Servers = servers ?? 1,
            ProcessingTime = processing,
            IdealCycleTime = ideal,
            Setup = setup,
            Failures = failures.ToValueList(),
            Scrap = scrap ?? 0,
            Rework = rework,
            Oven = isOven ? oven : null,
        };
    }

    private static string ScopeName(FailureScope scope) => scope == FailureScope.Station ? "'station'" : "'server'";

    private SetupRule? ReadSetup(MappingReader e, string context)
    {
        var r = e.Mapping("setup", context + " setup");
        if (r is null)
        {
            return null;
        }

        var by = r.Enum<SetupBasis>("by", required: true);
        var time = DistributionReader.Read(r, "time", QuantityKind.Duration, required: true);
        var changes = new List<SetupChange>();
        foreach (var ch in r.MappingList("changes", Indexed(context + " setup change")))
        {
            var from = ch.Id("from");
            var to = ch.Id("to");
            var kind = by == SetupBasis.Variant ? "variant" : "colour";
            Reference(kind, from, ch.Context);
            Reference(kind, to, ch.Context);

            var ct = DistributionReader.Read(ch, "time", QuantityKind.Duration, required: true);
            ch.Finish();
            if (from is { } ff && to is { } tt && ct is not null)
            {
                changes.Add(new SetupChange(ff.Value, tt.Value, ct));
            }
        }

        r.Finish();
        return by is { } b && time is not null ? new SetupRule(b, time, changes.ToValueList()) : null;
    }

    private Oven? ReadOven(MappingReader r, string ovenId)
    {
        var speed = r.Quantity("conveyorSpeed", QuantityKind.Speed, required: true, ValueRange.Positive);
        var pitch = r.Quantity("pitch", QuantityKind.Length, required: true, ValueRange.Positive);
        var paint = r.Id("paintSystem");
        Reference("paint system", paint, r.Context);
        var zones = new List<OvenZone>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var zoneList = r.MappingList("zones", Indexed(r.Context + " zone"), required: true);
        if (zoneList.Count == 0 && r.Has("zones"))
        {
            Bag.Error(r.KeyLocation("zones"), DiagnosticCode.InvalidOven, $"{r.Context} has no zones: list at least one.");
        }

        foreach (var z in zoneList)
        {
            var context = Named(z, r.Context + " zone");
            var id = z.Id("id");
            if (id is { } v && !seen.TryAdd(v.Value, v.Location))
            {
                Bag.Error(v.Location, DiagnosticCode.DuplicateId, $"duplicate zone id '{v.Value}' in {r.Context}: it is already declared at line {seen[v.Value].Line}.");
            }

            var length = z.Quantity("length", QuantityKind.Length, required: true, ValueRange.Positive);
            if (!z.Has("setpoint"))
            {
                Bag.Error(z.Location, DiagnosticCode.InvalidOven, $"{context} has no setpoint: every zone needs its air-temperature setpoint, e.g. 'setpoint: 160 degC'.");
            }

            var setpoint = z.Quantity("setpoint", QuantityKind.Temperature, required: false, ValueRange.Positive);
            var h = z.Quantity("heatTransfer", QuantityKind.HeatTransferCoefficient, required: true, ValueRange.Positive);
            if (!z.Has("sensor"))
            {
                Bag.Error(z.Location, DiagnosticCode.InvalidOven, $"{context} has no sensor: every zone needs the sensor that measures its air temperature, e.g. 'sensor: {ovenId}-z1-air'.");
            }

            var sensor = z.Has("sensor") ? z.Id("sensor") : null;
            Reference("sensor", sensor, context);
            if (sensor is { } s)
            {
                _zoneSensors.Add((s, ovenId, context));
            }

            z.Finish();
            if (id is { } i && length is { } l && setpoint is { } sp && h is { } hh && sensor is { } ss)
            {
                zones.Add(new OvenZone(new ZoneId(i.Value), l, sp, hh, new SensorId(ss.Value)));
            }
        }

        // Where bodies whose predicted cure misses the paint's window go instead of on: a declared rework route.
        var cureRework = r.Id("cureRework", required: false);
        Reference("asset", cureRework, r.Context);
        if (cureRework is { } cr && ovenId.Length > 0)
        {
            _edges.Add(new Edge(ovenId, cr, IsRework: true));
        }

        r.Finish();
        return speed is { } sv && pitch is { } pv && paint is { } pa && zones.Count == zoneList.Count && zones.Count > 0
            ? new Oven(sv, pv, new PaintSystemId(pa.Value), zones.ToValueList()) { CureRework = cureRework is { } c ? new AssetId(c.Value) : null }
            : null;
    }

    /// <summary>Reads the fields every flow element has: id, name, next and layout.</summary>
    private (AssetId Id, string Name, ValueList<Route> Next, LayoutPoint? Layout)? ReadCommon(MappingReader e, string context, bool isSink)
    {
        var id = e.Id("id");
        Declare("asset", id);
        var name = e.Text("name");
        var routes = ValueList<Route>.Empty;
        if (isSink)
        {
            if (e.Has("next"))
            {
                Bag.Error(e.KeyLocation("next"), DiagnosticCode.InvalidValue, $"{context}: a sink is where parts leave the plant, so it has no 'next'.");
            }
        }
        else
        {
            routes = ReadRoutes(e, context, id?.Value);
        }

        LayoutPoint? layout = null;
        if (e.Mapping("layout", context + " layout") is { } l)
        {
            var x = l.Quantity("x", QuantityKind.Number, required: true);
            var y = l.Quantity("y", QuantityKind.Number, required: true);
            l.Finish();
            layout = x is { } xx && y is { } yy ? new LayoutPoint(xx, yy) : null;
        }

        return id is null ? null : (new AssetId(id.Value.Value), name ?? id.Value.Value, routes, layout);
    }

    private ValueList<Route> ReadRoutes(MappingReader e, string context, string? from)
    {
        var node = e.Value("next", required: true, hint: "'next: <id of the next element>' (or make it a sink)");
        if (node is null)
        {
            _unresolvedAssets = true;
            return ValueList<Route>.Empty;
        }

        var routes = new List<Route>();
        if (node is YamlScalarNode)
        {
            var to = e.AsScalar(node, "next") is { } s ? e.CheckId(s, "next") : null;
            AddRoute(to, context, from, routes, ValueList<VariantId>.Empty, null);
            return routes.ToValueList();
        }

        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            Bag.Error(YamlSource.LocationOf(e.File, node), DiagnosticCode.InvalidValue, $"{context}: 'next' must be an id, a list of ids (first available), or a list of {{ to, variants }} or {{ to, fraction }} routes.");
            return ValueList<Route>.Empty;
        }

        var shapes = new HashSet<string>(StringComparer.Ordinal);
        var fractionSum = 0.0;
        foreach (var child in seq.Children)
        {
            if (child is YamlScalarNode)
            {
                shapes.Add("plain");
                var to = e.AsScalar(child, "next") is { } s ? e.CheckId(s, "next") : null;
                AddRoute(to, context, from, routes, ValueList<VariantId>.Empty, null);
                continue;
            }

            var r = e.AsMapping(child, "next", context + " route");
            if (r is null)
            {
                continue;
            }

            var to2 = r.Id("to");
            var variants = r.ScalarList("variants");
            var fraction = r.Has("fraction") ? r.Probability("fraction", required: true) : null;
            var variantIds = new List<VariantId>();
            foreach (var v in variants)
            {
                if (r.CheckId(v, "variant") is { } ok)
                {
                    Reference("variant", ok, r.Context);
                    variantIds.Add(new VariantId(ok.Value));
                }
            }

            shapes.Add(variants.Count > 0 ? "variants" : r.Has("fraction") ? "fraction" : "plain");
            if (variants.Count > 0 && r.Has("fraction"))
            {
                Bag.Error(r.KeyLocation("fraction"), DiagnosticCode.InvalidValue, $"{context}: a route is chosen either by variant or by fraction, not both.");
            }

            fractionSum += fraction ?? 0;
            r.Finish();
            AddRoute(to2, context, from, routes, variantIds.ToValueList(), fraction);
        }

        if (shapes.Count > 1)
        {
            Bag.Error(e.KeyLocation("next"), DiagnosticCode.InvalidValue, $"{context}: all routes in 'next' must be of one kind: all plain ids (first available), all with 'variants', or all with 'fraction'.");
        }
        else if (shapes.Contains("fraction") && routes.Count == seq.Children.Count && Math.Abs(fractionSum - 1) > 1e-6)
        {
            Bag.Error(e.KeyLocation("next"), DiagnosticCode.MixSum, $"{context}: the route fractions sum to {fractionSum.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)}, but they must sum to 1.");
        }
        else if (shapes.Contains("variants") && from is not null)
        {
            _variantSplits.Add((from, e.KeyLocation("next"), routes.ToValueList()));
        }

        return routes.ToValueList();
    }

    private void AddRoute(Located<string>? to, string context, string? from, List<Route> routes, ValueList<VariantId> variants, double? fraction)
    {
        if (to is not { } t)
        {
            _unresolvedAssets = true;
            return;
        }

        Reference("asset", t, context);
        if (from is not null)
        {
            _edges.Add(new Edge(from, t, IsRework: false));
        }

        routes.Add(new Route(new AssetId(t.Value), variants, fraction));
    }
}
