using CsCheck;
using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Distributions;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Model.Tests.Writing;

/// <summary>Generates random valid plants: serial lines with buffers, conveyors, ovens, setups, failures, rework and splits.</summary>
internal static class PlantGenerator
{
    private static readonly Gen<string> Name = Gen.String[Gen.Char["abcXYZ 0123:#'\"é-_/&*!%"], 1, 16]
        .Select(s => s.Trim())
        .Where(s => s.Length > 0);

    private static readonly Gen<double> Positive = Gen.Double[0.001, 10_000];

    private static readonly Gen<Distribution> Dist = Gen.OneOf<Distribution>(
        Positive.Select(v => (Distribution)new ConstantDistribution(v)),
        Gen.Select(Positive, Positive, (a, b) => (Distribution)new UniformDistribution(a, a + b)),
        Gen.Select(Positive, Gen.Double[0, 1], Positive, (a, f, w) => (Distribution)new TriangularDistribution(a, a + (f * w), a + w)),
        Gen.Select(Positive, Gen.Double[0, 100], (m, s) => (Distribution)new NormalDistribution(m, s)),
        Gen.Select(Positive, Gen.Double[0.01, 3], (m, cv) => (Distribution)new LogNormalDistribution(m, cv)),
        Positive.Select(m => (Distribution)new ExponentialDistribution(m)),
        Positive.Array[1, 5].Select(s => (Distribution)new EmpiricalDistribution(s.ToValueList())));

    public static Gen<PlantModel> Plant { get; } =
        from siteName in Name
        from variantCount in Gen.Int[1, 3]
        from colourCount in Gen.Int[1, 4]
        from variantWeights in Gen.Double[0.1, 1].Array[variantCount]
        from colourWeights in Gen.Double[0.1, 1].Array[colourCount]
        from lineCount in Gen.Int[1, 3]
        from lines in LineGen(variantCount, colourCount).Array[lineCount]
        from conductivity in Positive
        from emissivity in Gen.Double[0, 1]
        from shiftStart in Gen.Int[0, 11]
        from breakMinutes in Gen.Int[5, 45]
        select Build(siteName, variantWeights, colourWeights, lines, conductivity, emissivity, shiftStart, breakMinutes);

    private static Gen<LineSpec> LineGen(int variants, int colours) =>
        from kinds in Gen.Int[0, 3].Array[1, 6]
        from dists in Dist.Array[8]
        from servers in Gen.Int[1, 20]
        from capacity in Gen.Int[1, 200]
        from scrap in Gen.Double[0, 0.3]
        from rework in Gen.Double[0, 0.3]
        from hasRework in Gen.Bool
        from setupByColour in Gen.Bool
        from hasLayout in Gen.Bool
        from x in Gen.Double[-1000, 1000]
        from target in Gen.Int[0, 2000].Select(i => i == 0 ? (int?)null : i)
        from splitKind in Gen.Int[0, 3]
        from fraction in Gen.Double[0.01, 0.99]
        from ovenZones in Gen.Int[1, 6]
        from setpoint in Gen.Double[300, 500]
        select new LineSpec(kinds, dists, servers, capacity, scrap, rework, hasRework, setupByColour, hasLayout ? x : null, target, splitKind, fraction, ovenZones, setpoint, variants, colours);

    private static PlantModel Build(string siteName, double[] variantWeights, double[] colourWeights, LineSpec[] specs, double conductivity, double emissivity, int shiftStart, int breakMinutes)
    {
        var variants = Normalize(variantWeights).Select((m, i) => new ProductVariant(new VariantId($"v{i}"), $"Variant {i}", new BodyStyleId("style"), m)).ToValueList();
        var colours = Normalize(colourWeights).Select((m, i) => new Colour(new ColourId($"c{i}"), $"Colour {i}", m)).ToValueList();
        var sensors = new List<Sensor>();
        var alarms = new List<AlarmRule>();
        var lines = new List<Line>();
        for (var l = 0; l < specs.Length; l++)
        {
            lines.Add(BuildLine(l, specs[l], variants, sensors, alarms));
        }

        var start = new TimeOnly(shiftStart, 0);
        return new PlantModel
        {
            Site = new Site(new SiteId("site"), siteName, "UTC"),
            Calendars = ValueList.Of(new ShiftCalendar(
                new CalendarId("cal"),
                "Calendar",
                ValueList.Of(new Shift(new ShiftId("day"), "Day", start, start.AddHours(8), ValueList.Of(DayOfWeek.Monday, DayOfWeek.Friday), ValueList.Of(new ShiftBreak("break", start.AddHours(2), breakMinutes * 60.0)))),
                ValueList.Of(new PlannedDowntime("cleaning", DayOfWeek.Saturday, new TimeOnly(6, 0), 3600)))),
            Materials = ValueList.Of(new Material(new MaterialId("steel"), "Steel", conductivity, 7850, 470, emissivity)),
            PaintSystems = ValueList.Of(new PaintSystem(new PaintSystemId("paint"), "Paint", new CureWindow(400, 600, 450, 80_000, 413.15, 900, 3600))),
            BodyStyles = ValueList.Of(new BodyStyle(new BodyStyleId("style"), "Style", ValueList.Of(new MeasurementPoint(new PointId("p1"), 0.0007, new MaterialId("steel"), 0.5)))),
            Variants = variants,
            Colours = colours,
            Areas = ValueList.Of(new Area(new AreaId("area"), "Area", lines.ToValueList())),
            Sensors = sensors.ToValueList(),
            Alarms = alarms.ToValueList(),
            Gateways = ValueList.Of(new Gateway(new GatewayId("gw"), "Gateway", lines.Select(l => l.Id).ToValueList())),
        };
    }

    private static Line BuildLine(int l, LineSpec spec, ValueList<ProductVariant> variants, List<Sensor> sensors, List<AlarmRule> alarms)
    {
        var ids = Enumerable.Range(0, spec.Kinds.Length).Select(i => new AssetId($"l{l}-e{i}")).ToList();
        var sinkId = new AssetId($"l{l}-sink");
        var stations = new List<Station>();
        var buffers = new List<FactoryTwin.Model.Plants.Buffer>();
        var conveyors = new List<Conveyor>();
        var layout = spec.X is { } x ? new LayoutPoint(x, -x / 3) : (LayoutPoint?)null;
        for (var i = 0; i < ids.Count; i++)
        {
            var next = ValueList.Of(Route.Plain(i + 1 < ids.Count ? ids[i + 1] : sinkId));
            if (i + 1 == ids.Count && spec.SplitKind > 0)
            {
                // The last element splits between the sink and (a second route to) the sink's predecessor-free twin.
                next = spec.SplitKind switch
                {
                    1 => ValueList.Of(new Route(sinkId, ValueList<VariantId>.Empty, spec.Fraction), new Route(new AssetId($"l{l}-sink2"), ValueList<VariantId>.Empty, 1 - spec.Fraction)),
                    2 => ValueList.Of(new Route(sinkId, variants.Select(v => v.Id).Take(1).ToValueList(), null), new Route(new AssetId($"l{l}-sink2"), variants.Select(v => v.Id).Skip(1).ToValueList(), null)),
                    _ => ValueList.Of(Route.Plain(sinkId), Route.Plain(new AssetId($"l{l}-sink2"))),
                };
                if (spec.SplitKind == 2 && variants.Count == 1)
                {
                    next = ValueList.Of(new Route(sinkId, variants.Select(v => v.Id).ToValueList(), null), new Route(new AssetId($"l{l}-sink2"), variants.Select(v => v.Id).ToValueList(), null));
                }
            }

            var d = spec.Dists;
            switch (spec.Kinds[i])
            {
                case 0:
                case 3 when i == 0:
                    stations.Add(new Station
                    {
                        Id = ids[i],
                        Name = $"Station {i}",
                        Next = next,
                        Layout = layout,
                        Kind = (StationKind)(i % 6 == 3 ? 0 : i % 6),
                        Servers = spec.Servers,
                        ProcessingTime = d[i % d.Length] is { Mean: > 0 } p ? p : new ConstantDistribution(1),
                        IdealCycleTime = i % 2 == 0 ? 55 : null,
                        Setup = new SetupRule(spec.SetupByColour ? SetupBasis.Colour : SetupBasis.Variant, d[(i + 1) % d.Length], ValueList.Of(new SetupChange(spec.SetupByColour ? "c0" : "v0", spec.SetupByColour ? "c0" : "v0", d[(i + 2) % d.Length]))),
                        Failures = ValueList.Of(new FailureMode("fault", d[(i + 3) % d.Length] is { Mean: > 0 } f ? f : new ConstantDistribution(1), d[(i + 4) % d.Length], i % 2 == 0 ? FailureBasis.Operating : FailureBasis.Calendar) { Scope = (i % 3) switch { 0 => null, 1 => FailureScope.Server, _ => FailureScope.Station } }),
                        Scrap = spec.Scrap,
                        Rework = spec.HasRework && i > 0 ? new Rework(spec.Rework, ids[0]) : null,
                    });
                    break;
                case 1:
                    buffers.Add(new FactoryTwin.Model.Plants.Buffer { Id = ids[i], Name = $"Buffer {i}", Next = next, Layout = layout, Capacity = spec.Capacity });
                    break;
                case 2:
                    conveyors.Add(new Conveyor { Id = ids[i], Name = $"Conveyor {i}", Next = next, Layout = layout, Length = 30 + i, Speed = 0.1 + (i / 10.0), Pitch = 5.5 });
                    break;
                default:
                    var zones = new List<OvenZone>();
                    for (var z = 0; z < spec.OvenZones; z++)
                    {
                        var sensor = new SensorId($"{ids[i]}-z{z}");
                        sensors.Add(new Sensor(sensor, ids[i], SensorQuantity.Temperature, "degC", 273.15, 573.15));
                        zones.Add(new OvenZone(new ZoneId($"z{z}"), 10 + z, spec.Setpoint + z, 20 + z, sensor));
                    }

                    alarms.Add(new ThresholdAlarm { Id = new AlarmId($"{ids[i]}-hot"), Name = "Hot", Priority = AlarmPriority.High, Sensor = zones[0].Sensor, High = spec.Setpoint + 20, Deadband = 2 });
                    alarms.Add(new RateOfChangeAlarm { Id = new AlarmId($"{ids[i]}-ramp"), Name = "Ramp", Priority = AlarmPriority.Medium, Sensor = zones[0].Sensor, MaxRate = 0.1 });
                    alarms.Add(new AnomalyAlarm { Id = new AlarmId($"{ids[i]}-anomaly"), Name = "Anomaly", Priority = AlarmPriority.Medium, Sensor = zones[0].Sensor, Chart = i % 2 == 0 ? AnomalyChart.Ewma : AnomalyChart.Cusum, Learn = 600 + i, Lambda = 0.1, Limit = i % 3 == 0 ? null : 6, Slack = i % 2 == 0 ? AnomalyAlarm.DefaultSlack : 0.75, PhaseLength = i % 2 == 0 ? 0 : 3600, OnDelay = 30 });
                    alarms.Add(new StaleDataAlarm { Id = new AlarmId($"{ids[i]}-stale"), Name = "Stale", Priority = AlarmPriority.Low, Sensor = zones[0].Sensor, After = 30 });
                    alarms.Add(new StateDurationAlarm { Id = new AlarmId($"{ids[i]}-down"), Name = "Down", Priority = AlarmPriority.Critical, Asset = ids[i], State = StationState.Down, LongerThan = 600 });
                    stations.Add(new Station
                    {
                        Id = ids[i],
                        Name = $"Oven {i}",
                        Next = next,
                        Kind = StationKind.Oven,
                        Oven = new Oven(0.1, 5, new PaintSystemId("paint"), zones.ToValueList()),
                    });
                    break;
            }
        }

        var sinks = new List<Sink> { new() { Id = sinkId, Name = "Sink" } };
        if (spec.SplitKind > 0)
        {
            sinks.Add(new Sink { Id = new AssetId($"l{l}-sink2"), Name = "Sink 2" });
        }

        return new Line
        {
            Id = new LineId($"line{l}"),
            Name = $"Line {l}",
            Calendar = new CalendarId("cal"),
            ShiftTarget = spec.Target,
            Sources = ValueList.Of(new Source { Id = new AssetId($"l{l}-src"), Name = "Source", Next = ValueList.Of(Route.Plain(ids[0])), InterArrival = spec.Dists[0] }),
            Stations = stations.ToValueList(),
            Buffers = buffers.ToValueList(),
            Conveyors = conveyors.ToValueList(),
            Sinks = sinks.ToValueList(),
        };
    }

    private static double[] Normalize(double[] weights)
    {
        var sum = weights.Sum();
        return [.. weights.Select(w => w / sum)];
    }

    private sealed record LineSpec(
        int[] Kinds, Distribution[] Dists, int Servers, int Capacity, double Scrap, double Rework, bool HasRework, bool SetupByColour,
        double? X, int? Target, int SplitKind, double Fraction, int OvenZones, double Setpoint, int Variants, int Colours);
}
