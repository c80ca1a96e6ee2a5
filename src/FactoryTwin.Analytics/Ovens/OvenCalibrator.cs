using System.Globalization;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Ovens;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>
/// Fits an oven's zone heat-transfer coefficients h_z and the exposure factors e_p of the measured points to a profile by
/// least squares (Levenberg–Marquardt on ln h and ln e, so both stay positive). Convection enters the model only as the
/// product h_z·e_p, so the scale is fixed: the mapped point with the largest model exposure keeps its value and every
/// other exposure, and every h, is fitted relative to it. Zones the profile does not reach keep their model value.
/// </summary>
public static class OvenCalibrator
{
    /// <summary>Fits the oven to a measured profile.</summary>
    /// <param name="model">The plant.</param>
    /// <param name="oven">The oven station's id.</param>
    /// <param name="profile">The measured profile: time since (about) entry, one column per probe.</param>
    /// <param name="map">Which probe sits on which measurement point.</param>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked once per iteration.</param>
    /// <returns>The fit, or diagnostics naming the mapping or profile problem.</returns>
    /// <exception cref="ArgumentException"><paramref name="oven"/> is not an oven of the plant, or <see cref="OvenCalibrationOptions.Style"/> is not a body style.</exception>
    public static OvenCalibrationResult Calibrate(
        PlantModel model, AssetId oven, OvenProfile profile, IReadOnlyList<ProbeMapping> map, OvenCalibrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(map);
        options ??= new OvenCalibrationOptions();
        var theOven = OvenPlantEdits.FindOven(model, oven) ?? throw new ArgumentException($"'{oven}' is not an oven of this plant.", nameof(oven));
        var bag = new DiagnosticBag();
        var style = ResolveStyle(model, map, options.Style, bag);
        if (style is null)
        {
            return new OvenCalibrationResult(null, bag.Items);
        }

        var columns = new List<(ProbeMapping Mapping, ProfileColumn Column)>();
        foreach (var m in map)
        {
            var column = profile.Find(m.Probe);
            if (column is null)
            {
                var names = profile.Columns.Select(c => c.Name).ToList();
                bag.Error(m.Location, DiagnosticCode.UnknownReference, $"probe '{m.Probe}' has no column in {profile.Source} (columns: {string.Join(", ", names)}).{Suggestions.DidYouMean(m.Probe, names)}");
            }

            if (!style.Points.Any(p => p.Id == m.Point))
            {
                var names = style.Points.Select(p => p.Id.Value).ToList();
                bag.Error(m.Location, DiagnosticCode.UnknownReference, $"probe '{m.Probe}' is mapped to point '{m.Point}', which body style '{style.Id}' does not have (points: {string.Join(", ", names)}).{Suggestions.DidYouMean(m.Point.Value, names)}");
            }
            else if (column is not null)
            {
                columns.Add((m, column));
            }
        }

        if (bag.HasErrors)
        {
            return new OvenCalibrationResult(null, bag.Items);
        }

        // The samples inside the oven, on the model's time axis (seconds since entry).
        var conditions = options.Conditions ?? OvenConditions.AtSetpoints(theOven);
        var entryTime = options.EntryTime ?? profile.Times[0];
        var transit = theOven.Length / conditions.ConveyorSpeed + conditions.Stops.Sum(s => s.Duration);
        var used = new List<int>();
        for (var i = 0; i < profile.Times.Count; i++)
        {
            var tau = profile.Times[i] - entryTime;
            if (tau >= 0 && tau <= transit)
            {
                used.Add(i);
            }
        }

        var pointIds = columns.Select(c => c.Mapping.Point).Distinct().ToList();
        var initialExposure = pointIds.Select(id => style.Points.First(p => p.Id == id).ExposureFactor).ToArray();
        var reference = Array.IndexOf(initialExposure, initialExposure.Max());
        var zoneStart = new double[theOven.Zones.Count];
        for (var z = 1; z < zoneStart.Length; z++)
        {
            zoneStart[z] = zoneStart[z - 1] + (theOven.Zones[z - 1].Length / conditions.ConveyorSpeed);
        }

        var lastTau = used.Count == 0 ? -1 : profile.Times[used[^1]] - entryTime;
        var zoneFitted = zoneStart.Select(s => lastTau > s).ToArray();
        var parameterCount = zoneFitted.Count(f => f) + pointIds.Count - 1;
        if (used.Count * columns.Count <= parameterCount)
        {
            bag.Error(
                new SourceLocation(profile.Source, columns[0].Column.Line, 1),
                DiagnosticCode.OutOfRange,
                string.Create(CultureInfo.InvariantCulture, $"only {used.Count} sample(s) lie inside the oven (0 to {transit:0} s after entry at {entryTime:0.###} s): too few to fit {parameterCount} parameters."));
            return new OvenCalibrationResult(null, bag.Items);
        }

        var entryTemperature = options.EntryTemperature ?? columns.Average(c => c.Column.Temperatures[used[0]]);
        var prediction = options.Prediction with { EntryTemperature = entryTemperature, KeepTraces = false };
        var body = new BodyPassage("profile", style.Id, 0);
        var initialH = theOven.Zones.Select(z => z.HeatTransferCoefficient).ToArray();
        var pointIndex = columns.Select(c => pointIds.IndexOf(c.Mapping.Point)).ToArray();

        (double[] H, Dictionary<PointId, double> E) Unpack(double[] theta)
        {
            var h = (double[])initialH.Clone();
            var k = 0;
            for (var z = 0; z < h.Length; z++)
            {
                if (zoneFitted[z])
                {
                    h[z] = Math.Exp(theta[k++]);
                }
            }

            var e = new Dictionary<PointId, double>();
            for (var p = 0; p < pointIds.Count; p++)
            {
                e[pointIds[p]] = p == reference ? initialExposure[p] : Math.Exp(theta[k++]);
            }

            return (h, e);
        }

        PlantModel Build(double[] theta)
        {
            var (h, e) = Unpack(theta);
            return OvenPlantEdits.WithExposures(OvenPlantEdits.WithHeatTransfer(model, oven, h), style.Id, e);
        }

        double[] Residuals(double[] theta)
        {
            var predictor = new OvenCurePredictor(Build(theta), oven, prediction);
            var result = predictor.Predict(body, conditions);
            var r = new double[used.Count * columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var trace = result.Points.First(p => p.Point == columns[c].Mapping.Point);
                for (var i = 0; i < used.Count; i++)
                {
                    var tau = profile.Times[used[i]] - entryTime;
                    r[(c * used.Count) + i] = Interpolate(trace.Times, trace.Temperatures, tau) - columns[c].Column.Temperatures[used[i]];
                }
            }

            return r;
        }

        var start = new List<double>();
        for (var z = 0; z < initialH.Length; z++)
        {
            if (zoneFitted[z])
            {
                start.Add(Math.Log(initialH[z]));
            }
        }

        for (var p = 0; p < pointIds.Count; p++)
        {
            if (p != reference)
            {
                start.Add(Math.Log(initialExposure[p]));
            }
        }

        var initialResiduals = Residuals([.. start]);
        var fit = LevenbergMarquardt.Minimize(Residuals, [.. start], options.MaxIterations, cancellationToken);
        var (fittedH, fittedE) = Unpack(fit.Parameters);

        // Standard errors of ln x map to x by the delta method: se(x) = x·se(ln x).
        var zones = new List<FittedZone>();
        var index = 0;
        for (var z = 0; z < initialH.Length; z++)
        {
            zones.Add(zoneFitted[z]
                ? new FittedZone(theOven.Zones[z].Id, initialH[z], fittedH[z], fittedH[z] * fit.StandardErrors[index++], true)
                : new FittedZone(theOven.Zones[z].Id, initialH[z], initialH[z], 0, false));
        }

        var points = new List<FittedPoint>();
        for (var p = 0; p < pointIds.Count; p++)
        {
            var e = fittedE[pointIds[p]];
            var se = p == reference ? 0 : e * fit.StandardErrors[index++];
            var sum = 0.0;
            var count = 0;
            for (var c = 0; c < columns.Count; c++)
            {
                if (pointIndex[c] == p)
                {
                    for (var i = 0; i < used.Count; i++)
                    {
                        var v = fit.Residuals[(c * used.Count) + i];
                        sum += v * v;
                        count++;
                    }
                }
            }

            var probes = columns.Where((c, ci) => pointIndex[ci] == p).Select(c => c.Mapping.Probe).ToList();
            points.Add(new FittedPoint(pointIds[p], probes, initialExposure[p], e, se, p == reference, Math.Sqrt(sum / count)));
        }

        var calibration = new OvenCalibration(
            oven,
            style.Id,
            zones,
            points,
            Rms(fit.Residuals),
            Rms(initialResiduals),
            fit.Residuals.Length,
            fit.Iterations,
            fit.Converged,
            Build(fit.Parameters),
            entryTime,
            entryTemperature);
        return new OvenCalibrationResult(calibration, bag.Items);
    }

    private static BodyStyle? ResolveStyle(PlantModel model, IReadOnlyList<ProbeMapping> map, BodyStyleId? requested, DiagnosticBag bag)
    {
        if (requested is { } id)
        {
            return model.BodyStyles.FirstOrDefault(b => b.Id == id)
                ?? throw new ArgumentException($"'{id}' is not a body style of this plant (styles: {string.Join(", ", model.BodyStyles.Select(b => b.Id))}).", nameof(requested));
        }

        if (map.Count == 0)
        {
            bag.Error(new SourceLocation("--map", 1, 1), DiagnosticCode.MissingField, "no probe is mapped to a measurement point: give probe=point pairs.");
            return null;
        }

        var candidates = model.BodyStyles.Where(b => map.All(m => b.Points.Any(p => p.Id == m.Point))).ToList();
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        if (candidates.Count > 1)
        {
            bag.Error(map[0].Location, DiagnosticCode.InvalidValue, $"the mapped points exist in body styles {string.Join(", ", candidates.Select(c => c.Id))}: name the style the profiler rode on (--style).");
            return null;
        }

        var allPoints = model.BodyStyles.SelectMany(b => b.Points).Select(p => p.Id.Value).Distinct().ToList();
        foreach (var m in map)
        {
            if (!model.BodyStyles.Any(b => b.Points.Any(p => p.Id == m.Point)))
            {
                bag.Error(m.Location, DiagnosticCode.UnknownReference, $"probe '{m.Probe}' is mapped to point '{m.Point}', which no body style has.{Suggestions.DidYouMean(m.Point.Value, allPoints)}");
            }
        }

        if (!bag.HasErrors)
        {
            bag.Error(map[0].Location, DiagnosticCode.InvalidValue, "no single body style has all the mapped points: map the points of one style, or name it (--style).");
        }

        return null;
    }

    private static double Interpolate(IReadOnlyList<double> times, IReadOnlyList<double> values, double t)
    {
        if (t <= times[0])
        {
            return values[0];
        }

        if (t >= times[^1])
        {
            return values[^1];
        }

        // Traces are on a uniform step from 0.
        var dt = times[1] - times[0];
        var k = Math.Min((int)(t / dt), times.Count - 2);
        var f = (t - times[k]) / (times[k + 1] - times[k]);
        return values[k] + (f * (values[k + 1] - values[k]));
    }

    private static double Rms(double[] r) => r.Length == 0 ? 0 : Math.Sqrt(r.Sum(v => v * v) / r.Length);
}
