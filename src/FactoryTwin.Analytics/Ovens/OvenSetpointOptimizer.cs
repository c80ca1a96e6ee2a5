using System.Globalization;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Ovens;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>
/// Chooses zone setpoints (and optionally the conveyor speed) within bounds so that every measurement point of every body
/// style keeps at least the required cure margin, with the least heat per body by <see cref="OvenEnergyModel"/>.
/// Deterministic, in four phases on setpoints scaled to [0, 1] of their bounds:
/// (1) a feasible start: the current setting when feasible, else Nelder–Mead maximizing the smallest margin (when even
/// that stays below the requirement the problem is infeasible, and the binding point is named);
/// (2) Nelder–Mead on heat + μ·Σ max(0, required − margin)², with μ = 10², 10⁴, 10⁶;
/// (3) repair: bisection on the segment back to the feasible start, so the result is feasible;
/// (4) polish: each zone in turn (largest first) is lowered by bisection to the lowest feasible setpoint, and the speed
/// raised to the highest feasible one. Under-cure margins grow and over-bake margins shrink with every zone temperature,
/// so each one-dimensional feasible set is an interval and bisection finds its end.
/// </summary>
public static class OvenSetpointOptimizer
{
    /// <summary>Optimizes an oven.</summary>
    /// <param name="model">The plant.</param>
    /// <param name="oven">The oven station's id.</param>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked once per prediction.</param>
    /// <returns>The setting found, or the best reachable one with the reason it is infeasible.</returns>
    /// <exception cref="ArgumentException">The oven or a body style is unknown, or a bound is empty.</exception>
    public static OvenOptimizationResult Optimize(PlantModel model, AssetId oven, OvenOptimizationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new OvenOptimizationOptions();
        var search = new Search(model, oven, options, cancellationToken);
        return search.Run();
    }

    private sealed class Search
    {
        private readonly Oven _oven;
        private readonly AssetId _ovenId;
        private readonly OvenOptimizationOptions _options;
        private readonly CancellationToken _cancellationToken;
        private readonly OvenCurePredictor _predictor;
        private readonly List<BodyPassage> _bodies;
        private readonly double[] _lo;
        private readonly double[] _hi;
        private readonly int _zones;
        private readonly bool _speed;
        private double _referenceCost = 1;
        private int _evaluations;

        public Search(PlantModel model, AssetId oven, OvenOptimizationOptions options, CancellationToken cancellationToken)
        {
            _oven = OvenPlantEdits.FindOven(model, oven) ?? throw new ArgumentException($"'{oven}' is not an oven of this plant.", nameof(oven));
            _ovenId = oven;
            _options = options;
            _cancellationToken = cancellationToken;
            _predictor = new OvenCurePredictor(model, oven, options.Prediction with { KeepTraces = false });
            var styles = options.Styles
                ?? (model.Variants.Count > 0 ? [.. model.Variants.Select(v => v.BodyStyle).Distinct()] : [.. model.BodyStyles.Select(b => b.Id)]);
            foreach (var s in styles)
            {
                if (!model.BodyStyles.Any(b => b.Id == s))
                {
                    throw new ArgumentException($"'{s}' is not a body style of this plant.", nameof(options));
                }
            }

            _bodies = [.. styles.Select(s => new BodyPassage(s.Value, s, 0))];
            _zones = _oven.Zones.Count;
            _speed = options.Speed is not null;
            var d = _zones + (_speed ? 1 : 0);
            _lo = new double[d];
            _hi = new double[d];
            for (var z = 0; z < _zones; z++)
            {
                var zone = _oven.Zones[z];
                var b = options.Bounds is not null && options.Bounds.TryGetValue(zone.Id, out var given)
                    ? given
                    : new ZoneBounds(zone.Setpoint - options.DefaultHalfWidth, zone.Setpoint + options.DefaultHalfWidth);
                if (!(b.Max >= b.Min) || b.Min <= 0)
                {
                    throw new ArgumentException($"the setpoint range of zone '{zone.Id}' is empty or not in kelvin.", nameof(options));
                }

                (_lo[z], _hi[z]) = (b.Min, b.Max);
            }

            if (options.Speed is { } speed)
            {
                if (!(speed.Max >= speed.Min) || speed.Min <= 0)
                {
                    throw new ArgumentException("the speed range is empty or not positive.", nameof(options));
                }

                (_lo[^1], _hi[^1]) = (speed.Min, speed.Max);
            }
        }

        public OvenOptimizationResult Run()
        {
            var required = _options.RequiredMargin;
            var current = _oven.Zones.Select(z => z.Setpoint).Append(_oven.ConveyorSpeed).ToArray();
            var currentEval = EvaluatePhysical(current);
            _referenceCost = Math.Max(currentEval.Demand.PerBody, 1);
            var u0 = Normalize(current);
            var start = Evaluate(u0);

            // (1) A feasible start.
            if (start.MinMargin < required)
            {
                foreach (var corner in new[] { Filled(1.0), Filled(0.0), Filled(0.5) })
                {
                    var e = Evaluate(corner);
                    if (e.MinMargin > start.MinMargin)
                    {
                        (u0, start) = (corner, e);
                    }
                }

                if (start.MinMargin < required)
                {
                    // Maximize the smallest margin; stop caring once it is comfortably feasible.
                    var cap = required + 0.01;
                    var (x, _, _) = NelderMead.Minimize(u => -Math.Min(Evaluate(Clamp(u)).MinMargin, cap) + BoxPenalty(u), u0, 0.25, Budget(0.3), 1e-6, _cancellationToken);
                    var e = Evaluate(Clamp(x));
                    if (e.MinMargin > start.MinMargin)
                    {
                        (u0, start) = (Clamp(x), e);
                    }
                }

                if (start.MinMargin < required)
                {
                    var worst = start.Worst;
                    var message = string.Create(
                        CultureInfo.InvariantCulture,
                        $"no setting within the bounds keeps every point's cure margin at or above {required:0.###}: the best found ({Describe(start.Physical)}) leaves point '{worst.Style}/{worst.Point}' at margin {worst.Margin:0.000}, bound by {Criterion(worst.Binding)}. Widen the setpoint bounds{(_speed ? " or the speed range" : " or allow a slower conveyor (--speed)")}, or lower the required margin.");
                    return Result(false, message, start, currentEval);
                }
            }

            var feasible = u0;

            // (2) Penalty Nelder–Mead on heat per body.
            var best = u0;
            foreach (var (mu, step) in new[] { (1e2, 0.1), (1e4, 0.03), (1e6, 0.01) })
            {
                var (x, _, _) = NelderMead.Minimize(u => Penalized(Clamp(u), mu) + BoxPenalty(u), best, step, Budget(0.15), 1e-7, _cancellationToken);
                best = Clamp(x);
            }

            // (3) Repair: the least step back towards the feasible start that is feasible.
            if (Evaluate(best).MinMargin < required)
            {
                double bad = 0, good = 1;
                for (var i = 0; i < 40; i++)
                {
                    var mid = 0.5 * (bad + good);
                    if (Evaluate(Lerp(best, feasible, mid)).MinMargin >= required)
                    {
                        good = mid;
                    }
                    else
                    {
                        bad = mid;
                    }
                }

                best = Lerp(best, feasible, good);
            }

            // (4) Polish by coordinate bisection; largest zones first (their kelvin cost most).
            var zonesByCost = Enumerable.Range(0, _zones).OrderByDescending(z => _oven.Zones[z].Length).ThenBy(z => z).ToList();
            for (var pass = 0; pass < 4; pass++)
            {
                var before = Evaluate(best).Demand.PerBody;
                foreach (var z in zonesByCost)
                {
                    best = PushToLimit(best, z, towards: 0);
                }

                if (_speed)
                {
                    best = PushToLimit(best, _zones, towards: 1);
                }

                if (before - Evaluate(best).Demand.PerBody <= 1e-9 * before)
                {
                    break;
                }
            }

            return Result(true, null, Evaluate(best), currentEval);
        }

        private double[] PushToLimit(double[] u, int k, double towards)
        {
            var target = (double[])u.Clone();
            target[k] = towards;
            if (Evaluate(target).MinMargin >= _options.RequiredMargin)
            {
                return target;
            }

            double good = u[k], bad = towards;
            var tolerance = _options.Tolerance / Math.Max(_hi[k] - _lo[k], 1e-9) / (k < _zones ? 1 : 100);
            while (Math.Abs(good - bad) > tolerance)
            {
                var probe = (double[])u.Clone();
                probe[k] = 0.5 * (good + bad);
                if (Evaluate(probe).MinMargin >= _options.RequiredMargin)
                {
                    good = probe[k];
                }
                else
                {
                    bad = probe[k];
                }
            }

            var result = (double[])u.Clone();
            result[k] = good;
            return result;
        }

        private double Penalized(double[] u, double mu)
        {
            var e = Evaluate(u);
            var violation = 0.0;
            foreach (var p in e.Points)
            {
                var v = Math.Max(0, _options.RequiredMargin - p.Cure.Margin);
                violation += v * v;
            }

            return (e.Demand.PerBody / _referenceCost) + (mu * violation);
        }

        private Evaluation Evaluate(double[] u) => EvaluatePhysical(Physical(u));

        private Evaluation EvaluatePhysical(double[] x)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _evaluations++;
            var speed = _speed ? x[_zones] : _oven.ConveyorSpeed;
            var conditions = new OvenConditions([.. x.Take(_zones).Select(TemperatureSchedule.Constant)], [], speed);
            var results = _predictor.PredictBatch(_bodies, conditions, cancellationToken: _cancellationToken);
            var points = new List<PointResult>();
            var peakSum = 0.0;
            foreach (var r in results)
            {
                foreach (var p in r.Points)
                {
                    points.Add(new PointResult(r.Body.Style, p));
                    peakSum += p.PeakTemperature;
                }
            }

            var demand = _options.Energy.Demand(_oven, [.. x.Take(_zones)], speed, peakSum / points.Count, _predictor.Options.EntryTemperature);
            return new Evaluation(x, points, demand);
        }

        private OvenOptimizationResult Result(bool feasible, string? message, Evaluation found, Evaluation current)
        {
            var zones = new List<ZoneSetting>();
            for (var z = 0; z < _zones; z++)
            {
                zones.Add(new ZoneSetting(_oven.Zones[z].Id, _oven.Zones[z].Setpoint, found.Physical[z], _lo[z], _hi[z]));
            }

            var points = found.Points.Select((p, i) => new PointMargin(p.Style, p.Cure.Point, p.Cure.Margin, p.Cure.Binding, p.Cure.Verdict, p.Cure.PeakTemperature, current.Points[i].Cure.Margin)).ToList();
            return new OvenOptimizationResult(
                _ovenId,
                feasible,
                message,
                _options.RequiredMargin,
                zones,
                _oven.ConveyorSpeed,
                _speed ? found.Physical[_zones] : _oven.ConveyorSpeed,
                points,
                points.MinBy(p => p.Margin)!,
                current.Demand,
                found.Demand,
                _evaluations);
        }

        private string Describe(double[] x)
        {
            var parts = _oven.Zones.Select((z, i) => string.Create(CultureInfo.InvariantCulture, $"{z.Id} {x[i] - 273.15:0.0} °C")).ToList();
            if (_speed)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"speed {x[_zones] * 60:0.00} m/min"));
            }

            return string.Join(", ", parts);
        }

        private static string Criterion(CureCriterion c) => c switch
        {
            CureCriterion.TimeAboveThreshold => "the minimum time above the threshold",
            CureCriterion.MinEquivalentTime => "the minimum equivalent cure time",
            CureCriterion.MaxEquivalentTime => "the maximum equivalent cure time",
            _ => "the maximum peak temperature",
        };

        private int Budget(double share) => Math.Max(50, (int)(_options.MaxEvaluations * share));

        private double[] Filled(double v) => Enumerable.Repeat(v, _lo.Length).ToArray();

        private double[] Physical(double[] u)
        {
            var x = new double[u.Length];
            for (var k = 0; k < u.Length; k++)
            {
                x[k] = _lo[k] + (Math.Clamp(u[k], 0, 1) * (_hi[k] - _lo[k]));
            }

            if (!_speed)
            {
                Array.Resize(ref x, x.Length + 1);
                x[^1] = _oven.ConveyorSpeed;
            }

            return x;
        }

        private double[] Normalize(double[] x)
        {
            var u = new double[_lo.Length];
            for (var k = 0; k < u.Length; k++)
            {
                u[k] = _hi[k] > _lo[k] ? Math.Clamp((x[k] - _lo[k]) / (_hi[k] - _lo[k]), 0, 1) : 0;
            }

            return u;
        }

        private static double[] Clamp(double[] u) => [.. u.Select(v => Math.Clamp(v, 0, 1))];

        private static double BoxPenalty(double[] u) => u.Sum(v => v < 0 ? v * v : v > 1 ? (v - 1) * (v - 1) : 0);

        private static double[] Lerp(double[] a, double[] b, double t) => [.. a.Select((v, i) => v + (t * (b[i] - v)))];
    }

    private sealed record PointResult(BodyStyleId Style, PointCureResult Cure);

    private sealed record Evaluation(double[] Physical, List<PointResult> Points, OvenHeatDemand Demand)
    {
        public double MinMargin => Points.Min(p => p.Cure.Margin);

        public PointMargin Worst
        {
            get
            {
                var w = Points.MinBy(p => p.Cure.Margin)!;
                return new PointMargin(w.Style, w.Cure.Point, w.Cure.Margin, w.Cure.Binding, w.Cure.Verdict, w.Cure.PeakTemperature, double.NaN);
            }
        }
    }
}
