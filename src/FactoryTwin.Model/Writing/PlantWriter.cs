using System.Globalization;
using FactoryTwin.Model.Distributions;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Units;
using FactoryTwin.Model.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FactoryTwin.Model.Writing;

/// <summary>
/// Writes a <see cref="PlantModel"/> as a <c>factorytwin/v1</c> plant file, with every quantity in its SI unit, so that
/// <see cref="PlantLoader.Parse"/> of the output gives an equal model.
/// </summary>
public static class PlantWriter
{
    /// <summary>Writes the model as YAML text.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The YAML text.</returns>
    public static string Write(PlantModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var root = new YamlMappingNode
        {
            { "apiVersion", model.ApiVersion },
            { "site", Map(("id", S(model.Site.Id.Value)), ("name", S(model.Site.Name)), ("timeZone", S(model.Site.TimeZone))) },
            { "calendars", Seq(model.Calendars, Calendar) },
            { "materials", Seq(model.Materials, Material) },
            { "paintSystems", Seq(model.PaintSystems, PaintSystem) },
            { "bodyStyles", Seq(model.BodyStyles, BodyStyle) },
            { "variants", Seq(model.Variants, v => Map(("id", S(v.Id.Value)), ("name", S(v.Name)), ("bodyStyle", S(v.BodyStyle.Value)), ("mix", N(v.Mix)))) },
            { "colours", Seq(model.Colours, c => Map(("id", S(c.Id.Value)), ("name", S(c.Name)), ("mix", N(c.Mix)))) },
            { "areas", Seq(model.Areas, a => Map(("id", S(a.Id.Value)), ("name", S(a.Name)), ("lines", Seq(a.Lines, Line)))) },
            { "sensors", Seq(model.Sensors, s => Sensor(s)) },
            { "alarms", Seq(model.Alarms, a => Alarm(a, model)) },
            { "gateways", Seq(model.Gateways, g => Map(("id", S(g.Id.Value)), ("name", S(g.Name)), ("lines", Flow(g.Lines.Select(l => l.Value))))) },
        };
        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();

        // YamlStream ends a document with "..."; a plant file is one document.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlNode Calendar(ShiftCalendar c) => Map(
        ("id", S(c.Id.Value)),
        ("name", S(c.Name)),
        ("shifts", Seq(c.Shifts, s => Map(
            ("id", S(s.Id.Value)),
            ("name", S(s.Name)),
            ("start", Time(s.Start)),
            ("end", Time(s.End)),
            ("days", Flow(s.Days.Select(Day))),
            ("breaks", Seq(s.Breaks, b => Map(("name", S(b.Name)), ("start", Time(b.Start)), ("duration", Q(b.Duration, QuantityKind.Duration)))))))),
        ("plannedDowntime", Seq(c.PlannedDowntime, d => Map(("reason", S(d.Reason)), ("day", S(Day(d.Day))), ("start", Time(d.Start)), ("duration", Q(d.Duration, QuantityKind.Duration))))));

    private static YamlNode Material(Material m) => Map(
        ("id", S(m.Id.Value)),
        ("name", S(m.Name)),
        ("conductivity", Q(m.Conductivity, QuantityKind.ThermalConductivity)),
        ("density", Q(m.Density, QuantityKind.Density)),
        ("specificHeat", Q(m.SpecificHeat, QuantityKind.SpecificHeat)),
        ("emissivity", N(m.Emissivity)));

    private static YamlNode PaintSystem(PaintSystem p) => Map(
        ("id", S(p.Id.Value)),
        ("name", S(p.Name)),
        ("cure", Map(
            ("threshold", Q(p.Cure.Threshold, QuantityKind.Temperature)),
            ("minTimeAbove", Q(p.Cure.MinTimeAboveThreshold, QuantityKind.Duration)),
            ("maxPeak", Q(p.Cure.MaxPeakTemperature, QuantityKind.Temperature)),
            ("activationEnergy", Q(p.Cure.ActivationEnergy, QuantityKind.MolarEnergy)),
            ("referenceTemperature", Q(p.Cure.ReferenceTemperature, QuantityKind.Temperature)),
            ("minEquivalentTime", Q(p.Cure.MinEquivalentTime, QuantityKind.Duration)),
            ("maxEquivalentTime", Q(p.Cure.MaxEquivalentTime, QuantityKind.Duration)))));

    private static YamlNode BodyStyle(BodyStyle b) => Map(
        ("id", S(b.Id.Value)),
        ("name", S(b.Name)),
        ("points", Seq(b.Points, p => Map(
            ("id", S(p.Id.Value)),
            ("thickness", Q(p.Thickness, QuantityKind.Length)),
            ("material", S(p.Material.Value)),
            ("exposure", N(p.ExposureFactor))))));

    private static YamlNode Line(Line l)
    {
        var m = Map(("id", S(l.Id.Value)), ("name", S(l.Name)), ("calendar", S(l.Calendar.Value)));
        if (l.ShiftTarget is { } t)
        {
            m.Add("shiftTarget", N(t));
        }

        m.Add("sources", Seq(l.Sources, s => Element(s, ("interArrival", Dist(s.InterArrival)))));
        m.Add("stations", Seq(l.Stations, Station));
        m.Add("buffers", Seq(l.Buffers, b => Element(b, ("capacity", N(b.Capacity)))));
        m.Add("conveyors", Seq(l.Conveyors, c => Element(c, ("length", Q(c.Length, QuantityKind.Length)), ("speed", Q(c.Speed, QuantityKind.Speed)), ("pitch", Q(c.Pitch, QuantityKind.Length)))));
        m.Add("sinks", Seq(l.Sinks, s => Element(s)));
        return m;
    }

    private static YamlMappingNode Failure(FailureMode f)
    {
        var fields = new List<(string, YamlNode)>
        {
            ("name", S(f.Name)),
            ("timeBetween", Dist(f.TimeBetweenFailures)),
            ("timeToRepair", Dist(f.TimeToRepair)),
            ("basis", S(MappingReader.ToKebab(f.Basis.ToString()))),
        };

        // Written only when the file gave it: without it the station's default applies (station for an oven, server otherwise).
        if (f.Scope is { } scope)
        {
            fields.Add(("scope", S(MappingReader.ToKebab(scope.ToString()))));
        }

        return Map([.. fields]);
    }

    private static YamlMappingNode Station(Station s)
    {
        var fields = new List<(string, YamlNode)> { ("kind", S(MappingReader.ToKebab(s.Kind.ToString()))) };
        if (s.Oven is null)
        {
            fields.Add(("servers", N(s.Servers)));
        }

        if (s.ProcessingTime is not null)
        {
            fields.Add(("processingTime", Dist(s.ProcessingTime)));
        }

        if (s.IdealCycleTime is { } ict)
        {
            fields.Add(("idealCycleTime", Q(ict, QuantityKind.Duration)));
        }

        if (s.Setup is { } setup)
        {
            fields.Add(("setup", Map(
                ("by", S(MappingReader.ToKebab(setup.By.ToString()))),
                ("time", Dist(setup.Time)),
                ("changes", Seq(setup.Changes, c => Map(("from", S(c.From)), ("to", S(c.To)), ("time", Dist(c.Time))))))));
        }

        fields.Add(("failures", Seq(s.Failures, Failure)));
        fields.Add(("scrap", N(s.Scrap)));
        if (s.Rework is { } rw)
        {
            fields.Add(("rework", Map(("probability", N(rw.Probability)), ("to", S(rw.To.Value)))));
        }

        if (s.Oven is { } oven)
        {
            var ovenFields = new List<(string, YamlNode)>
            {
                ("conveyorSpeed", Q(oven.ConveyorSpeed, QuantityKind.Speed)),
                ("pitch", Q(oven.Pitch, QuantityKind.Length)),
                ("paintSystem", S(oven.PaintSystem.Value)),
                ("zones", Seq(oven.Zones, z => Map(
                    ("id", S(z.Id.Value)),
                    ("length", Q(z.Length, QuantityKind.Length)),
                    ("setpoint", Q(z.Setpoint, QuantityKind.Temperature)),
                    ("heatTransfer", Q(z.HeatTransferCoefficient, QuantityKind.HeatTransferCoefficient)),
                    ("sensor", S(z.Sensor.Value))))),
            };
            if (oven.CureRework is { } cureRework)
            {
                ovenFields.Add(("cureRework", S(cureRework.Value)));
            }

            fields.Add(("oven", Map([.. ovenFields])));
        }

        return Element(s, [.. fields]);
    }

    private static YamlMappingNode Element(FlowElement e, params (string Key, YamlNode Value)[] fields)
    {
        var m = Map(("id", S(e.Id.Value)), ("name", S(e.Name)));
        if (e is not Sink)
        {
            var routes = new YamlSequenceNode();
            foreach (var r in e.Next)
            {
                var route = Map(("to", S(r.To.Value)));
                if (r.Variants.Count > 0)
                {
                    route.Add("variants", Flow(r.Variants.Select(v => v.Value)));
                }

                if (r.Fraction is { } f)
                {
                    route.Add("fraction", N(f));
                }

                routes.Add(route);
            }

            m.Add("next", routes);
        }

        foreach (var (key, value) in fields)
        {
            m.Add(key, value);
        }

        if (e.Layout is { } l)
        {
            m.Add("layout", Map(("x", N(l.X)), ("y", N(l.Y))));
        }

        return m;
    }

    private static YamlMappingNode Sensor(Sensor s)
    {
        var kind = SensorQuantityKinds.Reading(s.Quantity);
        return Map(
            ("id", S(s.Id.Value)),
            ("asset", S(s.Asset.Value)),
            ("quantity", S(MappingReader.ToKebab(s.Quantity.ToString()))),
            ("unit", S(s.Unit)),
            ("min", Q(s.Min, kind)),
            ("max", Q(s.Max, kind)));
    }

    private static YamlMappingNode Alarm(AlarmRule a, PlantModel model)
    {
        var m = Map(("id", S(a.Id.Value)), ("name", S(a.Name)), ("priority", S(MappingReader.ToKebab(a.Priority.ToString()))));
        SensorQuantity QuantityOf(Ids.SensorId id)
        {
            foreach (var s in model.Sensors)
            {
                if (s.Id == id)
                {
                    return s.Quantity;
                }
            }

            throw new InvalidOperationException($"alarm '{a.Id}' names sensor '{id}', which the model does not have.");
        }

        switch (a)
        {
            case ThresholdAlarm t:
                m.Add("type", "threshold");
                m.Add("sensor", t.Sensor.Value);
                var q = QuantityOf(t.Sensor);
                if (t.High is { } h)
                {
                    m.Add("high", Q(h, SensorQuantityKinds.Reading(q)));
                }

                if (t.Low is { } l)
                {
                    m.Add("low", Q(l, SensorQuantityKinds.Reading(q)));
                }

                m.Add("deadband", Q(t.Deadband, SensorQuantityKinds.Difference(q)));
                break;
            case RateOfChangeAlarm r:
                m.Add("type", "rate-of-change");
                m.Add("sensor", r.Sensor.Value);
                m.Add("maxRate", Q(r.MaxRate, SensorQuantityKinds.Rate(QuantityOf(r.Sensor))));
                break;
            case StaleDataAlarm s:
                m.Add("type", "stale");
                m.Add("sensor", s.Sensor.Value);
                m.Add("after", Q(s.After, QuantityKind.Duration));
                break;
            case StateDurationAlarm d:
                m.Add("type", "state-duration");
                m.Add("asset", d.Asset.Value);
                m.Add("state", MappingReader.ToKebab(d.State.ToString()));
                m.Add("longerThan", Q(d.LongerThan, QuantityKind.Duration));
                break;
            case AnomalyAlarm an:
                m.Add("type", "anomaly");
                m.Add("sensor", an.Sensor.Value);
                m.Add("chart", MappingReader.ToKebab(an.Chart.ToString()));
                m.Add("learn", N(an.Learn));
                m.Add("lambda", N(an.Lambda));
                if (an.Limit is { } limit)
                {
                    m.Add("limit", N(limit));
                }

                if (an.Chart == AnomalyChart.Cusum)
                {
                    m.Add("slack", N(an.Slack));
                }

                if (an.PhaseLength > 0)
                {
                    m.Add("phase", Q(an.PhaseLength, QuantityKind.Duration));
                }

                break;
            default:
                throw new InvalidOperationException($"unknown alarm rule type {a.GetType().Name}");
        }

        if (a.OnDelay > 0)
        {
            m.Add("onDelay", Q(a.OnDelay, QuantityKind.Duration));
        }

        if (a.OffDelay > 0)
        {
            m.Add("offDelay", Q(a.OffDelay, QuantityKind.Duration));
        }

        return m;
    }

    private static YamlNode Dist(Distribution d) => d switch
    {
        ConstantDistribution c => Q(c.Value, QuantityKind.Duration),
        UniformDistribution u => Map(("dist", S("uniform")), ("min", Q(u.Min, QuantityKind.Duration)), ("max", Q(u.Max, QuantityKind.Duration))),
        TriangularDistribution t => Map(("dist", S("triangular")), ("min", Q(t.Min, QuantityKind.Duration)), ("mode", Q(t.Mode, QuantityKind.Duration)), ("max", Q(t.Max, QuantityKind.Duration))),
        NormalDistribution n => Map(("dist", S("normal")), ("mean", Q(n.Mu, QuantityKind.Duration)), ("sd", Q(n.Sigma, QuantityKind.Duration))),
        LogNormalDistribution l => Map(("dist", S("lognormal")), ("mean", Q(l.MeanValue, QuantityKind.Duration)), ("cv", N(l.Cv))),
        ExponentialDistribution e => Map(("dist", S("exponential")), ("mean", Q(e.MeanValue, QuantityKind.Duration))),
        EmpiricalDistribution e => Map(("dist", S("empirical")), ("samples", Flow(e.Samples.Select(s => UnitParser.Format(s, QuantityKind.Duration))))),
        _ => throw new InvalidOperationException($"unknown distribution {d.GetType().Name}"),
    };

    private static string Day(DayOfWeek d) => d.ToString()[..3].ToLowerInvariant();

    private static YamlScalarNode Time(TimeOnly t) => new(t.ToString(t.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture)) { Style = ScalarStyle.DoubleQuoted };

    private static YamlScalarNode S(string s) => new(s) { Style = NeedsQuotes(s) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };

    private static YamlScalarNode N(double v) => new(v.ToString("R", CultureInfo.InvariantCulture));

    private static YamlScalarNode Q(double v, QuantityKind kind) => new(UnitParser.Format(v, kind));

    private static bool NeedsQuotes(string s) =>
        s.Length == 0 || s.Trim() != s || s is "null" or "~" or "true" or "false" or "yes" or "no" or "on" or "off" ||
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static YamlMappingNode Map(params (string Key, YamlNode Value)[] fields)
    {
        var m = new YamlMappingNode();
        foreach (var (key, value) in fields)
        {
            m.Add(key, value);
        }

        return m;
    }

    private static YamlSequenceNode Seq<T>(IEnumerable<T> items, Func<T, YamlNode> f)
    {
        var s = new YamlSequenceNode();
        foreach (var item in items)
        {
            s.Add(f(item));
        }

        return s;
    }

    private static YamlSequenceNode Flow(IEnumerable<string> items)
    {
        var s = new YamlSequenceNode { Style = YamlDotNet.Core.Events.SequenceStyle.Flow };
        foreach (var item in items)
        {
            s.Add(S(item));
        }

        return s;
    }
}
