using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Units;
using FactoryTwin.Model.Yaml;

namespace FactoryTwin.Model.Loading;

/// <summary>Materials, paint systems, body styles, variants and colours.</summary>
internal sealed partial class PlantReader
{
    private ValueList<Material> ReadMaterials()
    {
        var result = new List<Material>();
        foreach (var r in root.MappingList("materials", Indexed("material")))
        {
            Named(r, "material");
            var id = r.Id("id");
            Declare("material", id);
            var name = r.Text("name");
            var k = r.Quantity("conductivity", QuantityKind.ThermalConductivity, required: true, ValueRange.Positive);
            var rho = r.Quantity("density", QuantityKind.Density, required: true, ValueRange.Positive);
            var c = r.Quantity("specificHeat", QuantityKind.SpecificHeat, required: true, ValueRange.Positive);
            var eps = r.Quantity("emissivity", QuantityKind.Number, required: false, ValueRange.UnitInterval);
            r.Finish();
            if (id is { } i && k is { } kk && rho is { } rr && c is { } cc)
            {
                result.Add(new Material(new MaterialId(i.Value), name ?? i.Value, kk, rr, cc, eps ?? 0.9));
            }
        }

        return result.ToValueList();
    }

    private ValueList<PaintSystem> ReadPaintSystems()
    {
        var result = new List<PaintSystem>();
        foreach (var r in root.MappingList("paintSystems", Indexed("paint system")))
        {
            var context = Named(r, "paint system");
            var id = r.Id("id");
            Declare("paint system", id);
            var name = r.Text("name");
            var cure = r.Mapping("cure", context + " cure window", required: true);
            CureWindow? window = null;
            if (cure is not null)
            {
                var threshold = cure.Quantity("threshold", QuantityKind.Temperature, required: true, ValueRange.Positive);
                var minTime = cure.Quantity("minTimeAbove", QuantityKind.Duration, required: true, ValueRange.NonNegative);
                var maxPeak = cure.Quantity("maxPeak", QuantityKind.Temperature, required: true, ValueRange.Positive);
                var ea = cure.Quantity("activationEnergy", QuantityKind.MolarEnergy, required: true, ValueRange.Positive);
                var tRef = cure.Quantity("referenceTemperature", QuantityKind.Temperature, required: true, ValueRange.Positive);
                var minEq = cure.Quantity("minEquivalentTime", QuantityKind.Duration, required: true, ValueRange.Positive);
                var maxEq = cure.Quantity("maxEquivalentTime", QuantityKind.Duration, required: true, ValueRange.Positive);
                if (threshold is { } t && maxPeak is { } p && p <= t)
                {
                    Bag.Error(cure.KeyLocation("maxPeak"), DiagnosticCode.OutOfRange, $"{cure.Context}: maxPeak must be above the cure threshold.");
                }

                if (minEq is { } a && maxEq is { } b && b <= a)
                {
                    Bag.Error(cure.KeyLocation("maxEquivalentTime"), DiagnosticCode.OutOfRange, $"{cure.Context}: maxEquivalentTime must be greater than minEquivalentTime.");
                }

                cure.Finish();
                if (threshold is { } t1 && minTime is { } m1 && maxPeak is { } p1 && ea is { } e1 && tRef is { } r1 && minEq is { } q1 && maxEq is { } q2)
                {
                    window = new CureWindow(t1, m1, p1, e1, r1, q1, q2);
                }
            }

            r.Finish();
            if (id is { } i && window is not null)
            {
                result.Add(new PaintSystem(new PaintSystemId(i.Value), name ?? i.Value, window));
            }
        }

        return result.ToValueList();
    }

    private ValueList<BodyStyle> ReadBodyStyles()
    {
        var result = new List<BodyStyle>();
        foreach (var r in root.MappingList("bodyStyles", Indexed("body style")))
        {
            var context = Named(r, "body style");
            var id = r.Id("id");
            Declare("body style", id);
            var name = r.Text("name");
            var points = new List<MeasurementPoint>();
            var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            foreach (var p in r.MappingList("points", Indexed(context + " point"), required: true))
            {
                var pointContext = Named(p, context + " point");
                var pid = p.Id("id");
                if (pid is { } pv && !seen.TryAdd(pv.Value, pv.Location))
                {
                    Bag.Error(pv.Location, DiagnosticCode.DuplicateId, $"duplicate point id '{pv.Value}' in {context}: it is already declared at line {seen[pv.Value].Line}.");
                }

                var thickness = p.Quantity("thickness", QuantityKind.Length, required: true, ValueRange.Positive);
                var material = p.Id("material");
                Reference("material", material, pointContext);
                var exposure = p.Quantity("exposure", QuantityKind.Number, required: false, ValueRange.PositiveUnitInterval);
                p.Finish();
                if (pid is { } i2 && thickness is { } th && material is { } m)
                {
                    points.Add(new MeasurementPoint(new PointId(i2.Value), th, new MaterialId(m.Value), exposure ?? 1.0));
                }
            }

            r.Finish();
            if (id is { } i)
            {
                result.Add(new BodyStyle(new BodyStyleId(i.Value), name ?? i.Value, points.ToValueList()));
            }
        }

        return result.ToValueList();
    }

    private ValueList<ProductVariant> ReadVariants()
    {
        var result = new List<ProductVariant>();
        var sum = 0.0;
        var list = root.MappingList("variants", Indexed("variant"), required: true);
        foreach (var r in list)
        {
            var context = Named(r, "variant");
            var id = r.Id("id");
            Declare("variant", id);
            var name = r.Text("name");
            var style = r.Id("bodyStyle");
            Reference("body style", style, context);
            var mix = r.Probability("mix", required: true);
            sum += mix ?? 0;
            r.Finish();
            if (id is { } i && style is { } s && mix is { } m)
            {
                result.Add(new ProductVariant(new VariantId(i.Value), name ?? i.Value, new BodyStyleId(s.Value), m));
            }
        }

        CheckMix(list.Count, result.Count, sum, "variants", "variant");
        return result.ToValueList();
    }

    private ValueList<Colour> ReadColours()
    {
        var result = new List<Colour>();
        var sum = 0.0;
        var list = root.MappingList("colours", Indexed("colour"), required: true);
        foreach (var r in list)
        {
            Named(r, "colour");
            var id = r.Id("id");
            Declare("colour", id);
            var name = r.Text("name");
            var mix = r.Probability("mix", required: true);
            sum += mix ?? 0;
            r.Finish();
            if (id is { } i && mix is { } m)
            {
                result.Add(new Colour(new ColourId(i.Value), name ?? i.Value, m));
            }
        }

        CheckMix(list.Count, result.Count, sum, "colours", "colour");
        return result.ToValueList();
    }

    private void CheckMix(int declared, int valid, double sum, string key, string what)
    {
        // Only a complete list can be checked; a bad entry has its own error already.
        if (declared > 0 && declared == valid && Math.Abs(sum - 1) > 1e-6)
        {
            Bag.Error(root.KeyLocation(key), DiagnosticCode.MixSum, $"the {what} mix sums to {sum.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)}, but the shares of all {key} must sum to 1.");
        }
    }
}
