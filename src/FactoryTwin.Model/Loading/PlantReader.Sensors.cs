using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Units;
using FactoryTwin.Model.Yaml;

namespace FactoryTwin.Model.Loading;

/// <summary>Sensors, alarm rules and gateways.</summary>
internal sealed partial class PlantReader
{
    private static readonly string[] AlarmTypes = ["threshold", "rate-of-change", "stale", "state-duration", "anomaly"];

    private ValueList<Sensor> ReadSensors()
    {
        var result = new List<Sensor>();
        foreach (var r in root.MappingList("sensors", Indexed("sensor")))
        {
            var context = Named(r, "sensor");
            var id = r.Id("id");
            Declare("sensor", id);
            var asset = r.Id("asset");
            Reference("asset", asset, context);
            var quantity = r.Enum<SensorQuantity>("quantity", required: true);
            var unit = r.Scalar("unit", required: true, hint: "'unit: degC'");
            double? min = null, max = null;
            if (quantity is { } q)
            {
                var kind = SensorQuantityKinds.Reading(q);
                if (unit is { } u && !UnitParser.TryParse("1 " + u.Value, kind, out _, out var error, out var code))
                {
                    Bag.Error(u.Location, code == DiagnosticCode.InvalidValue ? DiagnosticCode.InvalidUnit : code, $"{context}: unit '{u.Value}' does not fit a {q.ToString().ToLowerInvariant()} sensor: {error}");
                }

                min = r.Quantity("min", kind, required: true);
                max = r.Quantity("max", kind, required: true);
                if (min is { } a && max is { } b && b <= a)
                {
                    Bag.Error(r.KeyLocation("max"), DiagnosticCode.OutOfRange, $"{context}: max must be greater than min.");
                }

                if (id is { } sid)
                {
                    _sensorQuantities[sid.Value] = q;
                }
            }
            else
            {
                r.Value("min");
                r.Value("max");
            }

            if (id is { } i && asset is { } aa)
            {
                _sensorAssets[i.Value] = aa.Value;
            }

            r.Finish();
            if (id is { } ii && asset is { } av && quantity is { } qq && unit is { } uu && min is { } mn && max is { } mx && mx > mn)
            {
                result.Add(new Sensor(new SensorId(ii.Value), new AssetId(av.Value), qq, uu.Value, mn, mx));
            }
        }

        return result.ToValueList();
    }

    private ValueList<AlarmRule> ReadAlarms()
    {
        var result = new List<AlarmRule>();
        foreach (var r in root.MappingList("alarms", Indexed("alarm")))
        {
            var context = Named(r, "alarm");
            var id = r.Id("id");
            Declare("alarm", id);
            var name = r.Text("name", required: true);
            var priority = r.Enum<AlarmPriority>("priority", required: true);
            var type = r.Scalar("type", required: true, hint: "'type: threshold' (threshold, rate-of-change, stale, state-duration or anomaly)");
            AlarmRule? rule = null;
            switch (type?.Value)
            {
                case null:
                    break;
                case "threshold":
                    {
                        var (sensor, q) = AlarmSensor(r, context);
                        double? high = null, low = null, deadband = null;
                        if (q is { } qq)
                        {
                            high = r.Quantity("high", SensorQuantityKinds.Reading(qq));
                            low = r.Quantity("low", SensorQuantityKinds.Reading(qq));
                            deadband = r.Quantity("deadband", SensorQuantityKinds.Difference(qq), required: false, ValueRange.NonNegative);
                        }
                        else
                        {
                            r.Value("high");
                            r.Value("low");
                            r.Value("deadband");
                        }

                        if (!r.Has("high") && !r.Has("low"))
                        {
                            Bag.Error(r.Location, DiagnosticCode.MissingField, $"{context}: a threshold alarm needs 'high', 'low' or both.");
                        }

                        if (high is { } h && low is { } l && h <= l)
                        {
                            Bag.Error(r.KeyLocation("high"), DiagnosticCode.OutOfRange, $"{context}: high must be above low.");
                        }

                        if (sensor is { } s && (high is not null || low is not null))
                        {
                            rule = new ThresholdAlarm { Id = default, Name = string.Empty, Priority = default, Sensor = new SensorId(s.Value), High = high, Low = low, Deadband = deadband ?? 0 };
                        }

                        break;
                    }

                case "rate-of-change":
                    {
                        var (sensor, q) = AlarmSensor(r, context);
                        var rate = q is { } qq ? r.Quantity("maxRate", SensorQuantityKinds.Rate(qq), required: true, ValueRange.Positive) : Skip(r, "maxRate");
                        if (sensor is { } s && rate is { } mr)
                        {
                            rule = new RateOfChangeAlarm { Id = default, Name = string.Empty, Priority = default, Sensor = new SensorId(s.Value), MaxRate = mr };
                        }

                        break;
                    }

                case "stale":
                    {
                        var (sensor, _) = AlarmSensor(r, context);
                        var after = r.Quantity("after", QuantityKind.Duration, required: true, ValueRange.Positive);
                        if (sensor is { } s && after is { } a)
                        {
                            rule = new StaleDataAlarm { Id = default, Name = string.Empty, Priority = default, Sensor = new SensorId(s.Value), After = a };
                        }

                        break;
                    }

                case "state-duration":
                    {
                        var asset = r.Id("asset");
                        Reference("asset", asset, context);
                        if (asset is { } av)
                        {
                            _stateAlarmAssets.Add((av, context));
                        }

                        var state = r.Enum<StationState>("state", required: true);
                        var longer = r.Quantity("longerThan", QuantityKind.Duration, required: true, ValueRange.Positive);
                        if (asset is { } a && state is { } st && longer is { } lt)
                        {
                            rule = new StateDurationAlarm { Id = default, Name = string.Empty, Priority = default, Asset = new AssetId(a.Value), State = st, LongerThan = lt };
                        }

                        break;
                    }

                case "anomaly":
                    rule = ReadAnomaly(r, context);
                    break;

                default:
                    Bag.Error(type.Value.Location, DiagnosticCode.InvalidValue, $"{context}: '{type.Value.Value}' is not an alarm type; use {string.Join(", ", AlarmTypes)}.{Suggestions.DidYouMean(type.Value.Value, AlarmTypes)}");
                    break;
            }

            var onDelay = r.Quantity("onDelay", QuantityKind.Duration, required: false, ValueRange.NonNegative);
            var offDelay = r.Quantity("offDelay", QuantityKind.Duration, required: false, ValueRange.NonNegative);
            r.Finish();
            if (rule is not null && id is { } i && name is not null && priority is { } p)
            {
                result.Add(rule with { Id = new AlarmId(i.Value), Name = name, Priority = p, OnDelay = onDelay ?? 0, OffDelay = offDelay ?? 0 });
            }
        }

        return result.ToValueList();
    }

    private AnomalyAlarm? ReadAnomaly(MappingReader r, string context)
    {
        var (sensor, _) = AlarmSensor(r, context);
        var chart = r.Enum<AnomalyChart>("chart");
        var learn = r.WholeNumber("learn", required: false, ValueRange.Positive);
        var lambda = r.Quantity("lambda", QuantityKind.Number, required: false, ValueRange.Positive);
        var limit = r.Quantity("limit", QuantityKind.Number, required: false, ValueRange.Positive);
        var slack = r.Quantity("slack", QuantityKind.Number, required: false, ValueRange.NonNegative);
        var phase = r.Quantity("phase", QuantityKind.Duration, required: false, ValueRange.NonNegative);
        bool ok = true;
        if (learn is < 10)
        {
            Bag.Error(r.KeyLocation("learn"), DiagnosticCode.OutOfRange, $"{context}: learn must be at least 10 samples (the baseline's median and MAD need them).");
            ok = false;
        }

        if (lambda is > 1)
        {
            Bag.Error(r.KeyLocation("lambda"), DiagnosticCode.OutOfRange, $"{context}: lambda is the EWMA weight and must be in (0, 1].");
            ok = false;
        }

        if (slack is not null && chart != AnomalyChart.Cusum)
        {
            Bag.Error(r.KeyLocation("slack"), DiagnosticCode.InvalidValue, $"{context}: slack applies to 'chart: cusum' only.");
            ok = false;
        }

        if (sensor is not { } s || !ok)
        {
            return null;
        }

        return new AnomalyAlarm
        {
            Id = default,
            Name = string.Empty,
            Priority = default,
            Sensor = new SensorId(s.Value),
            Chart = chart ?? AnomalyChart.Ewma,
            Learn = learn ?? AnomalyAlarm.DefaultLearn,
            Lambda = lambda ?? AnomalyAlarm.DefaultLambda,
            Limit = limit,
            Slack = slack ?? AnomalyAlarm.DefaultSlack,
            PhaseLength = phase ?? 0,
        };
    }

    private static double? Skip(MappingReader r, string key)
    {
        r.Value(key);
        return null;
    }

    private (Located<string>? Sensor, SensorQuantity? Quantity) AlarmSensor(MappingReader r, string context)
    {
        var sensor = r.Id("sensor");
        Reference("sensor", sensor, context);
        SensorQuantity? q = sensor is { } s && _sensorQuantities.TryGetValue(s.Value, out var qq) ? qq : null;
        return (sensor, q);
    }

    private ValueList<Gateway> ReadGateways()
    {
        var result = new List<Gateway>();
        foreach (var r in root.MappingList("gateways", Indexed("gateway")))
        {
            var context = Named(r, "gateway");
            var id = r.Id("id");
            Declare("gateway", id);
            var name = r.Text("name");
            var lines = new List<LineId>();
            var items = r.ScalarList("lines", required: true);
            foreach (var item in items)
            {
                if (r.CheckId(item, "line") is { } ok)
                {
                    Reference("line", ok, context);
                    lines.Add(new LineId(ok.Value));
                }
            }

            r.Finish();
            if (id is { } i && lines.Count == items.Count && lines.Count > 0)
            {
                result.Add(new Gateway(new GatewayId(i.Value), name ?? i.Value, lines.ToValueList()));
            }
        }

        return result.ToValueList();
    }
}
