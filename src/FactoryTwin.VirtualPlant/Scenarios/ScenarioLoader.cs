using System.Collections.Immutable;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Units;
using FactoryTwin.Model.Yaml;

namespace FactoryTwin.VirtualPlant.Scenarios;

/// <summary>
/// Loads scenario files (<c>apiVersion: factorytwin/v1</c>, <c>kind: Scenario</c>) and checks them against the plant:
/// a burner trip or a cold zone names an oven zone's air sensor, a conveyor stop a conveyor or buffer.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>The <c>kind</c> a scenario file declares.</summary>
    public const string Kind = "Scenario";

    /// <summary>Loads a scenario file from disk.</summary>
    /// <param name="path">The file path; diagnostics name it as given.</param>
    /// <param name="plant">The plant the scenario is for.</param>
    /// <returns>The scenario when valid, and every diagnostic.</returns>
    public static ScenarioLoadResult LoadFile(string path, PlantModel plant)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        var text = YamlSource.ReadFile(path, "scenario file", bag);
        return text is null ? new ScenarioLoadResult(null, bag.Sorted()) : Parse(text, plant, path);
    }

    /// <summary>Parses and checks scenario YAML text.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="plant">The plant the scenario is for.</param>
    /// <param name="file">The file name used in diagnostics and as the default name.</param>
    /// <returns>The scenario when valid, and every diagnostic.</returns>
    public static ScenarioLoadResult Parse(string text, PlantModel plant, string file = "scenario.yaml")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(file);
        var bag = new DiagnosticBag();
        var node = YamlSource.ParseMapping(text, file, bag);
        if (node is null)
        {
            return new ScenarioLoadResult(null, bag.Sorted());
        }

        var root = new MappingReader(node, file, bag, "the scenario");
        var version = root.Scalar("apiVersion", required: true, hint: $"'apiVersion: {PlantModel.CurrentApiVersion}' as the first line");
        if (version is { } v && !string.Equals(v.Value, PlantModel.CurrentApiVersion, StringComparison.Ordinal))
        {
            bag.Error(v.Location, DiagnosticCode.UnsupportedVersion, $"apiVersion '{v.Value}' is not supported: this version of FactoryTwin reads '{PlantModel.CurrentApiVersion}'.");
        }

        var kind = root.Scalar("kind", required: true, hint: $"'kind: {Kind}'");
        if (kind is { } k && !string.Equals(k.Value, Kind, StringComparison.Ordinal))
        {
            bag.Error(k.Location, DiagnosticCode.InvalidValue, $"the scenario: kind '{k.Value}' is not a scenario; write 'kind: {Kind}'.");
        }

        var name = root.Text("name") ?? Path.GetFileNameWithoutExtension(file);
        var zoneSensors = plant.Elements().OfType<Station>().Where(s => s.Oven is not null)
            .SelectMany(s => s.Oven!.Zones.Select(z => z.Sensor.Value)).ToHashSet(StringComparer.Ordinal);
        var stores = plant.Elements().Where(e => e is Conveyor or Model.Plants.Buffer).Select(e => e.Id.Value).ToHashSet(StringComparer.Ordinal);
        var sensors = plant.Sensors.ToDictionary(x => x.Id.Value, x => x.Quantity, StringComparer.Ordinal);
        var disturbances = ImmutableArray.CreateBuilder<Disturbance>();
        foreach (var item in root.MappingList("disturbances", i => $"disturbance {i + 1}", required: true))
        {
            if (Read(item, zoneSensors, stores, sensors) is { } d)
            {
                disturbances.Add(d);
            }
        }

        root.Finish();
        return new ScenarioLoadResult(bag.HasErrors ? null : new Scenario(name, disturbances.ToImmutable()), bag.Sorted());
    }

    private static Disturbance? Read(MappingReader item, HashSet<string> zoneSensors, HashSet<string> stores, Dictionary<string, SensorQuantity> sensors)
    {
        var type = item.Scalar("type", required: true, hint: "'type: burner-trip' (burner-trip, cold-zone, conveyor-stop, sensor-drift, sensor-step, sensor-stuck or sensor-noise)");
        DisturbanceKind? kind = type?.Value switch
        {
            "burner-trip" => DisturbanceKind.BurnerTrip,
            "cold-zone" => DisturbanceKind.ColdZone,
            "conveyor-stop" => DisturbanceKind.ConveyorStop,
            "sensor-drift" => DisturbanceKind.SensorDrift,
            "sensor-step" => DisturbanceKind.SensorStep,
            "sensor-stuck" => DisturbanceKind.SensorStuck,
            "sensor-noise" => DisturbanceKind.SensorNoise,
            _ => null,
        };
        if (type is { } t && kind is null)
        {
            item.Diagnostics.Error(t.Location, DiagnosticCode.InvalidValue, $"{item.Context}: type '{t.Value}' is not a disturbance; use burner-trip, cold-zone, conveyor-stop, sensor-drift, sensor-step, sensor-stuck or sensor-noise.");
        }

        if (kind is DisturbanceKind.SensorDrift or DisturbanceKind.SensorStep or DisturbanceKind.SensorStuck or DisturbanceKind.SensorNoise)
        {
            return ReadSensorFault(item, kind.Value, sensors);
        }

        string? target = null;
        if (kind is DisturbanceKind.BurnerTrip or DisturbanceKind.ColdZone)
        {
            var sensor = item.Id("sensor");
            if (sensor is { } s && !zoneSensors.Contains(s.Value))
            {
                item.Diagnostics.Error(s.Location, DiagnosticCode.UnknownReference, $"{item.Context}: '{s.Value}' is not the air sensor of an oven zone of the plant.");
            }
            else
            {
                target = sensor?.Value;
            }
        }
        else if (kind == DisturbanceKind.ConveyorStop)
        {
            var asset = item.Id("asset");
            if (asset is { } a && !stores.Contains(a.Value))
            {
                item.Diagnostics.Error(a.Location, DiagnosticCode.UnknownReference, $"{item.Context}: '{a.Value}' is not a conveyor or buffer of the plant.");
            }
            else
            {
                target = asset?.Value;
            }
        }

        var at = item.Quantity("at", QuantityKind.Duration, range: ValueRange.NonNegative);
        var every = item.Quantity("meanInterval", QuantityKind.Duration, range: ValueRange.Positive);
        if (item.Has("at") == item.Has("meanInterval"))
        {
            item.Diagnostics.Error(item.Location, DiagnosticCode.MissingField, $"{item.Context}: give either 'at' (a scheduled time after the start, e.g. '30 min') or 'meanInterval' (random, e.g. '4 h'), not both or neither.");
        }

        var duration = item.Quantity("duration", QuantityKind.Duration, required: kind == DisturbanceKind.ConveyorStop, range: ValueRange.Positive);
        double drop = 0;
        if (kind == DisturbanceKind.BurnerTrip)
        {
            drop = item.Quantity("drop", QuantityKind.TemperatureDifference, range: ValueRange.Positive) ?? 25;
            duration ??= 600;
        }
        else if (kind == DisturbanceKind.ColdZone)
        {
            // How cold is the point of the fault: no default. Held to the end of the run unless a duration is given.
            drop = item.Quantity("drop", QuantityKind.TemperatureDifference, required: true, range: ValueRange.Positive) ?? 0;
            duration ??= double.PositiveInfinity;
        }

        item.Finish();
        return kind is { } kd && target is not null && duration is { } dur && (at is not null || every is not null)
            ? new Disturbance(kd, target, at, every, dur, drop)
            : null;
    }

    /// <summary>A sensor fault: sensor (any sensor of the plant), at or meanInterval, duration (required), and rate (drift, reading per time), offset (step, a difference) or factor (noise, > 1).</summary>
    private static Disturbance? ReadSensorFault(MappingReader item, DisturbanceKind kind, Dictionary<string, SensorQuantity> sensors)
    {
        var sensor = item.Id("sensor");
        SensorQuantity? quantity = null;
        if (sensor is { } s)
        {
            if (sensors.TryGetValue(s.Value, out var q))
            {
                quantity = q;
            }
            else
            {
                item.Diagnostics.Error(s.Location, DiagnosticCode.UnknownReference, $"{item.Context}: '{s.Value}' is not a sensor of the plant.");
            }
        }

        var at = item.Quantity("at", QuantityKind.Duration, range: ValueRange.NonNegative);
        var every = item.Quantity("meanInterval", QuantityKind.Duration, range: ValueRange.Positive);
        if (item.Has("at") == item.Has("meanInterval"))
        {
            item.Diagnostics.Error(item.Location, DiagnosticCode.MissingField, $"{item.Context}: give either 'at' (a scheduled time after the start, e.g. '30 min') or 'meanInterval' (random, e.g. '4 h'), not both or neither.");
        }

        var duration = item.Quantity("duration", QuantityKind.Duration, required: true, range: ValueRange.Positive);
        double? magnitude = kind switch
        {
            DisturbanceKind.SensorDrift => quantity is { } q1 ? item.Quantity("rate", SensorQuantityKinds.Rate(q1), required: true) : Skip(item, "rate"),
            DisturbanceKind.SensorStep => quantity is { } q2 ? item.Quantity("offset", SensorQuantityKinds.Difference(q2), required: true) : Skip(item, "offset"),
            DisturbanceKind.SensorNoise => item.Quantity("factor", QuantityKind.Number, required: true, range: ValueRange.Positive),
            _ => 0,
        };
        if (kind == DisturbanceKind.SensorNoise && magnitude is <= 1)
        {
            item.Diagnostics.Error(item.KeyLocation("factor"), DiagnosticCode.OutOfRange, $"{item.Context}: factor multiplies the noise and must be above 1.");
            magnitude = null;
        }

        if (magnitude is 0 && kind != DisturbanceKind.SensorStuck)
        {
            item.Diagnostics.Error(item.Location, DiagnosticCode.OutOfRange, $"{item.Context}: a {(kind == DisturbanceKind.SensorDrift ? "drift rate" : "step")} of 0 is no fault.");
            magnitude = null;
        }

        item.Finish();
        return quantity is not null && duration is { } dur && magnitude is { } m && (at is not null || every is not null)
            ? new Disturbance(kind, sensor!.Value.Value, at, every, dur, 0, m)
            : null;
    }

    private static double? Skip(MappingReader item, string key)
    {
        item.Value(key);
        return null;
    }
}
