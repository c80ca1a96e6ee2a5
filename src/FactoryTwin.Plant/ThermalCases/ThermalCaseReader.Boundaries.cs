using System.Globalization;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Units;
using FactoryTwin.Model.Yaml;
using FactoryTwin.Thermal.Problem;
using YamlDotNet.RepresentationModel;

namespace FactoryTwin.Plant.ThermalCases;

/// <summary>Boundary conditions and schedules.</summary>
internal sealed partial class ThermalCaseReader
{
    private static readonly string[] FaceNames = ["west", "east", "south", "north", "bottom", "top"];

    private Dictionary<BoundaryFace, BoundaryCondition>? ReadBoundaries(int dimensions, Schedule? ambient, bool ambientWritten)
    {
        var result = new Dictionary<BoundaryFace, BoundaryCondition>();
        for (var f = 0; f < 2 * dimensions; f++)
        {
            result[(BoundaryFace)f] = BoundaryCondition.Insulated;
        }

        var r = root.Mapping("boundaries", "the boundaries");
        if (r is null)
        {
            return result;
        }

        var ok = true;
        for (var f = 0; f < FaceNames.Length; f++)
        {
            var face = FaceNames[f];
            if (f >= 2 * dimensions)
            {
                if (r.Has(face))
                {
                    Bag.Error(r.KeyLocation(face), DiagnosticCode.InvalidValue, string.Create(
                        CultureInfo.InvariantCulture,
                        $"the boundaries: a {dimensions}-D grid has no face '{face}'; its faces are {string.Join(", ", FaceNames.Take(2 * dimensions))}."));
                    ok = false;
                }

                continue;
            }

            var node = r.Value(face);
            if (node is null)
            {
                continue;
            }

            var condition = ReadBoundary(r, node, face, ambient, ambientWritten);
            if (condition is null)
            {
                ok = false;
            }
            else
            {
                result[(BoundaryFace)f] = condition;
            }
        }

        r.Finish();
        return ok ? result : null;
    }

    private BoundaryCondition? ReadBoundary(MappingReader parent, YamlNode node, string face, Schedule? ambient, bool ambientWritten)
    {
        var context = $"boundary '{face}'";
        if (node is YamlScalarNode)
        {
            // the short form names a condition without parameters: 'east: insulated'
            var s = parent.AsScalar(node, face);
            var kind = s is { } text ? new MappingReader(new YamlMappingNode(), File, Bag, context).ParseEnum<ThermalBoundaryType>(text, "boundary type") : null;
            if (kind == ThermalBoundaryType.Insulated)
            {
                return BoundaryCondition.Insulated;
            }

            if (kind is { } other)
            {
                Bag.Error(s!.Value.Location, DiagnosticCode.InvalidValue, $"{context}: a {MappingReader.ToKebab(other.ToString())} boundary needs parameters; write '{face}: {{ type: {MappingReader.ToKebab(other.ToString())}, … }}' (see docs/thermal-case.md).");
            }

            return null;
        }

        var r = parent.AsMapping(node, face, context);
        if (r is null)
        {
            return null;
        }

        var type = r.Enum<ThermalBoundaryType>("type", required: true);
        BoundaryCondition? result = null;
        switch (type)
        {
            case ThermalBoundaryType.Insulated:
                result = BoundaryCondition.Insulated;
                break;
            case ThermalBoundaryType.FixedTemperature:
                result = ScheduleField(r, "temperature", QuantityKind.Temperature, ValueRange.Positive, required: true) is { } t ? BoundaryCondition.FixedTemperature(t) : null;
                break;
            case ThermalBoundaryType.FixedFlux:
                result = ScheduleField(r, "flux", ThermalQuantities.HeatFlux, ValueRange.Any, required: true) is { } q ? BoundaryCondition.FixedFlux(q) : null;
                break;
            case ThermalBoundaryType.Convection:
            {
                var h = ScheduleField(r, "h", QuantityKind.HeatTransferCoefficient, ValueRange.NonNegative, required: true);
                var tInf = AmbientField(r, ambient, ambientWritten);
                var eps = r.Has("emissivity") ? r.Probability("emissivity") : 0.0;
                result = h is not null && tInf is not null && eps is { } e ? BoundaryCondition.ConvectionAndRadiation(h, tInf, e, null) : null;
                break;
            }

            case ThermalBoundaryType.Radiation:
            {
                var eps = r.Probability("emissivity", required: true);
                var tInf = AmbientField(r, ambient, ambientWritten);
                result = eps is { } e && tInf is not null ? BoundaryCondition.Radiation(e, tInf) : null;
                break;
            }
        }

        r.Finish();
        return result;
    }

    /// <summary>The face's own 'ambient', else the case's ambient schedule; an error when neither is written.</summary>
    private Schedule? AmbientField(MappingReader r, Schedule? ambient, bool ambientWritten)
    {
        if (r.Has("ambient"))
        {
            return ScheduleField(r, "ambient", QuantityKind.Temperature, ValueRange.Positive, required: true);
        }

        if (ambient is null && !ambientWritten)
        {
            Bag.Error(r.Location, DiagnosticCode.MissingField, $"{r.Context} needs an ambient temperature: add 'ambient: 20 degC' (or a schedule) to the face or to the case.");
        }

        return ambient;
    }

    private Schedule? ScheduleField(MappingReader r, string key, QuantityKind kind, ValueRange range, bool required)
    {
        var node = r.Value(key, required, $"'{key}: {kind.Example}' or a schedule '[{{t: 0 s, value: {kind.Example}}}, …]'");
        return node is null ? null : ReadSchedule(r, node, key, kind, range);
    }

    /// <summary>Reads a constant (<c>20 degC</c>) or a piecewise-linear schedule (<c>[{t: 0 s, value: 20 degC}, {t: 10 min, value: 180 degC}]</c>).</summary>
    private Schedule? ReadSchedule(MappingReader r, YamlNode node, string key, QuantityKind kind, ValueRange range)
    {
        if (node is YamlScalarNode)
        {
            var s = r.AsScalar(node, key);
            return s is { } text && ParseQuantity(r, text, key, kind, range) is { } v ? Schedule.Constant(v) : null;
        }

        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            Bag.Error(YamlSource.LocationOf(File, node), DiagnosticCode.InvalidValue, $"{r.Context}: '{key}' must be a value ('{kind.Example}') or a non-empty schedule '[{{t: 0 s, value: {kind.Example}}}, …]'.");
            return null;
        }

        var times = new List<double>();
        var values = new List<double>();
        var ok = true;
        foreach (var item in seq.Children)
        {
            var p = r.AsMapping(item, key, $"{r.Context}: {key} point");
            if (p is null)
            {
                ok = false;
                continue;
            }

            var t = p.Quantity("t", QuantityKind.Duration, required: true, ValueRange.NonNegative);
            var v = p.Quantity("value", kind, required: true, range);
            p.Finish();
            if (t is not { } tv || v is not { } vv)
            {
                ok = false;
                continue;
            }

            if (times.Count > 0 && !(tv > times[^1]))
            {
                Bag.Error(p.KeyLocation("t"), DiagnosticCode.OutOfRange, $"{r.Context}: the times of '{key}' must increase; this point is not later than the one before.");
                ok = false;
                continue;
            }

            times.Add(tv);
            values.Add(vv);
        }

        return ok ? Schedule.PiecewiseLinear(times.ToArray(), values.ToArray()) : null;
    }
}
