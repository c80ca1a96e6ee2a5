using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Thermal.Batch;
using FactoryTwin.Thermal.Solver;
using ThermalMaterial = FactoryTwin.Thermal.Problem.Material;

namespace FactoryTwin.Plant.Ovens;

/// <summary>
/// Predicts, for bodies going through a paint oven, the metal temperature at every measurement point of their body
/// style and the cure verdict against the paint's window. Each point is a steel or aluminium sheet heated by
/// convection (h of the zone the body is in × the point's exposure factor, optionally plus wall radiation) on both
/// faces: a lumped model where the Biot number h·(d/2)/k is small, a 1-D slab (Crank–Nicolson, batched Thomas)
/// otherwise. All bodies of a batch advance together in time since their own entry, so a month of production is
/// one batched solve.
/// </summary>
public sealed class OvenCurePredictor
{
    private const double StefanBoltzmann = 5.670374419e-8;

    private readonly Oven _oven;
    private readonly CureWindow _window;
    private readonly double[] _zoneEnd;
    private readonly Dictionary<BodyStyleId, StylePoints> _styles = [];

    /// <summary>Creates a predictor for an oven of a plant.</summary>
    /// <param name="model">The plant.</param>
    /// <param name="oven">The oven station's id.</param>
    /// <param name="options">Numerical settings; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The asset is not an oven, or the plant lacks its paint system or a point's material.</exception>
    public OvenCurePredictor(PlantModel model, AssetId oven, OvenPredictionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var station = model.FindElement(oven) as Station;
        _oven = station?.Oven ?? throw new ArgumentException($"'{oven}' is not an oven of this plant.", nameof(oven));
        OvenId = oven;
        var paint = model.PaintSystems.FirstOrDefault(p => p.Id == _oven.PaintSystem)
            ?? throw new ArgumentException($"oven '{oven}' cures paint system '{_oven.PaintSystem}', which the plant does not declare.", nameof(model));
        _window = paint.Cure;
        Options = options ?? new OvenPredictionOptions();
        Options.Validate();
        _zoneEnd = new double[_oven.Zones.Count];
        var x = 0.0;
        for (var z = 0; z < _zoneEnd.Length; z++)
        {
            x += _oven.Zones[z].Length;
            _zoneEnd[z] = x;
        }

        var maxH = _oven.Zones.Max(z => z.HeatTransferCoefficient);
        foreach (var style in model.BodyStyles)
        {
            var points = new List<PointSetup>();
            foreach (var p in style.Points)
            {
                var m = model.Materials.FirstOrDefault(mm => mm.Id == p.Material)
                    ?? throw new ArgumentException($"point '{p.Id}' of body style '{style.Id}' is made of '{p.Material}', which the plant does not declare.", nameof(model));
                var material = new ThermalMaterial(m.Conductivity, m.Density, m.SpecificHeat);
                var biot = maxH * p.ExposureFactor * (p.Thickness / 2) / m.Conductivity;
                var kind = Options.Model switch
                {
                    ThermalModelKind.Auto => biot < Options.BiotThreshold ? ThermalModelKind.Lumped : ThermalModelKind.Slab,
                    var k => k,
                };
                points.Add(new PointSetup(p, material, m.Emissivity, kind));
            }

            _styles[style.Id] = new StylePoints([.. points]);
        }
    }

    /// <summary>Gets the oven's id.</summary>
    public AssetId OvenId { get; }

    /// <summary>Gets the numerical settings.</summary>
    public OvenPredictionOptions Options { get; }

    /// <summary>Gets the oven.</summary>
    public Oven Oven => _oven;

    /// <summary>Gets the cure window of the oven's paint.</summary>
    public CureWindow Window => _window;

    /// <summary>Gets the zone at a position along the oven.</summary>
    /// <param name="position">Metres from the entry.</param>
    /// <returns>The zone index, clamped to the last zone.</returns>
    public int ZoneAt(double position)
    {
        for (var z = 0; z < _zoneEnd.Length; z++)
        {
            if (position < _zoneEnd[z])
            {
                return z;
            }
        }

        return _zoneEnd.Length - 1;
    }

    /// <summary>Predicts one body, keeping each point's temperature trace.</summary>
    /// <param name="body">The body.</param>
    /// <param name="conditions">The zone air temperatures, stops and speed.</param>
    /// <returns>The body's result.</returns>
    public BodyCureResult Predict(BodyPassage body, OvenConditions conditions) =>
        Run([body], conditions, keepTraces: true, progress: null, CancellationToken.None)[0];

    /// <summary>Predicts many bodies in one batched solve.</summary>
    /// <param name="bodies">The bodies.</param>
    /// <param name="conditions">The zone air temperatures, stops and speed.</param>
    /// <param name="progress">Receives the fraction of the longest passage done.</param>
    /// <param name="cancellationToken">Checked once per time step.</param>
    /// <returns>One result per body, in order.</returns>
    public IReadOnlyList<BodyCureResult> PredictBatch(
        IReadOnlyList<BodyPassage> bodies, OvenConditions conditions, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        Run(bodies, conditions, Options.KeepTraces, progress, cancellationToken);

    private List<BodyCureResult> Run(IReadOnlyList<BodyPassage> bodies, OvenConditions conditions, bool keepTraces, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentNullException.ThrowIfNull(conditions);
        if (conditions.ZoneAirTemperature.Count != _oven.Zones.Count)
        {
            throw new ArgumentException($"the conditions give {conditions.ZoneAirTemperature.Count} zone temperatures, but the oven has {_oven.Zones.Count} zones.", nameof(conditions));
        }

        // Flatten bodies × points.
        var firstPoint = new int[bodies.Count + 1];
        var setups = new List<PointSetup>();
        for (var b = 0; b < bodies.Count; b++)
        {
            if (!_styles.TryGetValue(bodies[b].Style, out var style))
            {
                throw new ArgumentException($"body '{bodies[b].BodyId}' has style '{bodies[b].Style}', which the plant does not declare.", nameof(bodies));
            }

            firstPoint[b] = setups.Count;
            setups.AddRange(style.Points);
        }

        firstPoint[bodies.Count] = setups.Count;
        var n = setups.Count;
        var dt = Options.TimeStep;
        var entry = Options.EntryTemperature;
        var temperature = new double[n];
        var previous = new double[n];
        var peak = new double[n];
        var above = new double[n];
        var equivalent = new double[n];
        Array.Fill(temperature, entry);
        Array.Fill(peak, entry);
        var slabIndex = new int[n];
        var slabCount = 0;
        for (var i = 0; i < n; i++)
        {
            slabIndex[i] = setups[i].Model == ThermalModelKind.Slab ? slabCount++ : -1;
        }

        using var slab = slabCount == 0 ? null : SlabBatchSolver.Create(new SlabBatchOptions
        {
            ProblemCount = slabCount,
            CellsPerProblem = Options.CellsThroughThickness,
            Scheme = TimeScheme.CrankNicolson,
            Backend = Options.Backend ?? (HeatSolver.IsBackendAvailable(HeatBackend.Cuda) ? HeatBackend.Cuda : HeatBackend.Cpu),
        });
        for (var i = 0; i < n; i++)
        {
            if (slabIndex[i] >= 0)
            {
                slab!.SetSlab(slabIndex[i], setups[i].Point.Thickness, setups[i].Material, entry);
            }
        }

        var surface = new double[slabCount];
        ReadOnlySpan<int> surfaceCell = [0];
        var position = new double[bodies.Count];
        var exit = new double[bodies.Count];
        Array.Fill(exit, double.NaN);
        var traces = keepTraces ? new List<double>[n] : null;
        var times = new List<double> { 0 };
        if (traces is not null)
        {
            for (var i = 0; i < n; i++)
            {
                traces[i] = [entry];
            }
        }

        // Per-point constants, flattened once, and the lumped decay factor exp(-2·h·e·dt/(ρ·c·d)) of every distinct
        // point setup in every zone (exact for pure convection, so it is tabulated rather than evaluated per step).
        var zoneCount = _oven.Zones.Count;
        var exposure = new double[n];
        var emissivity = new double[n];
        var capacity = new double[n];
        var setupId = new int[n];
        var rate = new double[n];
        var ids = new Dictionary<PointSetup, int>(ReferenceEqualityComparer.Instance);
        var entryRate = CureAccumulator.RelativeRate(entry, _window);
        for (var i = 0; i < n; i++)
        {
            var s = setups[i];
            exposure[i] = s.Point.ExposureFactor;
            emissivity[i] = Options.IncludeRadiation ? s.Emissivity * s.Point.ExposureFactor : 0;
            capacity[i] = s.Material.Density * s.Material.SpecificHeat * s.Point.Thickness;
            if (!ids.TryGetValue(s, out setupId[i]))
            {
                setupId[i] = ids.Count;
                ids[s] = setupId[i];
            }

            rate[i] = entryRate;
        }

        var decayTable = new double[ids.Count * zoneCount];
        foreach (var (s, id) in ids)
        {
            var c = s.Material.Density * s.Material.SpecificHeat * s.Point.Thickness;
            for (var z = 0; z < zoneCount; z++)
            {
                decayTable[(id * zoneCount) + z] = Math.Exp(-2 * _oven.Zones[z].HeatTransferCoefficient * s.Point.ExposureFactor * dt / c);
            }
        }

        var zoneOf = new int[bodies.Count];
        var airOf = new double[bodies.Count];
        var bodyHasSlab = new bool[bodies.Count];
        for (var b = 0; b < bodies.Count; b++)
        {
            for (var i = firstPoint[b]; i < firstPoint[b + 1]; i++)
            {
                bodyHasSlab[b] |= slabIndex[i] >= 0;
            }
        }

        // Bodies are independent: large batches update chunks of bodies in parallel (results do not depend on the split).
        var chunk = Math.Max(64, bodies.Count / (Environment.ProcessorCount * 8));
        var chunks = (bodies.Count + chunk - 1) / chunk;
        void ForBodies(Action<int, int> work)
        {
            if (chunks <= 1)
            {
                work(0, bodies.Count);
            }
            else
            {
                ForChunks(work);
            }
        }

        // Apart, so that only a parallel step allocates the closure over the work (ForBodies runs twice per time step).
        void ForChunks(Action<int, int> work) => Parallel.For(0, chunks, c => work(c * chunk, Math.Min(bodies.Count, (c + 1) * chunk)));

        void UpdateLumped(int from, int to)
        {
            for (var b = from; b < to; b++)
            {
                if (!double.IsNaN(exit[b]))
                {
                    continue;
                }

                var zone = zoneOf[b];
                var h = _oven.Zones[zone].HeatTransferCoefficient;
                var tw = airOf[b];
                for (var i = firstPoint[b]; i < firstPoint[b + 1]; i++)
                {
                    if (slabIndex[i] >= 0)
                    {
                        continue;
                    }

                    // Lumped: rho*c*d*dT/dt = 2*(h + h_rad)*(T_air - T), exact exponential over the step with
                    // h_rad = eps*sigma*(Tw^2 + T^2)*(Tw + T) linearized at the step start (walls at air temperature).
                    var t0 = temperature[i];
                    var eps = emissivity[i];
                    double decay;
                    if (eps == 0)
                    {
                        decay = decayTable[(setupId[i] * zoneCount) + zone];
                    }
                    else
                    {
                        var hr = eps * StefanBoltzmann * ((tw * tw) + (t0 * t0)) * (tw + t0);
                        decay = Math.Exp(-2 * ((h * exposure[i]) + hr) * dt / capacity[i]);
                    }

                    temperature[i] = tw + ((t0 - tw) * decay);
                }
            }
        }

        // Both steps' work as delegates made once, not once per time step.
        Action<int, int> updateLumped = UpdateLumped;
        Action<int, int> accumulate = (from, to) =>
        {
            for (var b = from; b < to; b++)
            {
                if (!double.IsNaN(exit[b]))
                {
                    continue;
                }

                for (var i = firstPoint[b]; i < firstPoint[b + 1]; i++)
                {
                    if (slabIndex[i] >= 0)
                    {
                        temperature[i] = surface[slabIndex[i]];
                    }

                    Accumulate(previous[i], temperature[i], dt, _window, ref rate[i], ref peak[i], ref above[i], ref equivalent[i]);
                    traces?[i].Add(temperature[i]);
                }
            }
        };

        var length = _zoneEnd[^1];
        var nominalSteps = length / conditions.ConveyorSpeed / dt;
        var stopTime = conditions.Stops.Sum(s => s.Duration);
        var maxSteps = (long)Math.Ceiling(nominalSteps + (stopTime / dt)) + 10;
        var active = bodies.Count;
        for (long step = 0; active > 0; step++)
        {
            if (step > maxSteps)
            {
                throw new InvalidOperationException("bodies did not leave the oven: check the conveyor stops and speed.");
            }

            cancellationToken.ThrowIfCancellationRequested();
            var local = step * dt;

            // Where each body is during this step and what air it sees (air temperature at the step's midpoint).
            for (var b = 0; b < bodies.Count; b++)
            {
                if (!double.IsNaN(exit[b]))
                {
                    continue;
                }

                var t = bodies[b].EntryTime + local;
                for (var i = firstPoint[b]; i < firstPoint[b + 1]; i++)
                {
                    previous[i] = temperature[i];
                }

                zoneOf[b] = ZoneAt(position[b]);
                airOf[b] = conditions.ZoneAirTemperature[zoneOf[b]].ValueAt(t + (0.5 * dt));
                position[b] += conditions.ConveyorSpeed * dt * conditions.MovingFraction(t, dt);
            }

            // Lumped updates (parallel over bodies), then the slab boundary values and the batched slab step.
            if (slabCount < n)
            {
                ForBodies(updateLumped);
            }

            if (slab is not null)
            {
                var wh = slab.West.HeatTransferCoefficient;
                var wt = slab.West.FluidTemperature;
                var we = slab.West.Emissivity;
                var wr = slab.West.RadiantTemperature;
                var eh = slab.East.HeatTransferCoefficient;
                var et = slab.East.FluidTemperature;
                var ee = slab.East.Emissivity;
                var er = slab.East.RadiantTemperature;
                for (var b = 0; b < bodies.Count; b++)
                {
                    if (!bodyHasSlab[b])
                    {
                        continue;
                    }

                    // A body that has left stays insulated (h = 0) so that its slabs keep their state.
                    var done = !double.IsNaN(exit[b]);
                    var h = _oven.Zones[zoneOf[b]].HeatTransferCoefficient;
                    var air = airOf[b];
                    for (var i = firstPoint[b]; i < firstPoint[b + 1]; i++)
                    {
                        var k = slabIndex[i];
                        if (k < 0)
                        {
                            continue;
                        }

                        wh[k] = eh[k] = done ? 0 : h * exposure[i];
                        wt[k] = et[k] = wr[k] = er[k] = air;
                        we[k] = ee[k] = done ? 0 : emissivity[i];
                    }
                }

                slab.TakeStep(dt);
                slab.Sample(surfaceCell, surface);
            }

            // Cure figures for the bodies still inside during this step (parallel over bodies).
            ForBodies(accumulate);

            for (var b = 0; b < bodies.Count; b++)
            {
                if (double.IsNaN(exit[b]) && position[b] >= length)
                {
                    exit[b] = bodies[b].EntryTime + local + dt;
                    active--;
                }
            }

            if (keepTraces)
            {
                times.Add(local + dt);
            }

            if (progress is not null && step % 64 == 0)
            {
                progress.Report(Math.Min(1, step / Math.Max(1.0, nominalSteps + (stopTime / dt))));
            }
        }

        progress?.Report(1);
        var results = new List<BodyCureResult>(bodies.Count);
        for (var b = 0; b < bodies.Count; b++)
        {
            var points = new List<PointCureResult>(firstPoint[b + 1] - firstPoint[b]);
            for (var i = firstPoint[b]; i < firstPoint[b + 1]; i++)
            {
                var (verdict, margin, binding) = CureAccumulator.Judge(peak[i], above[i], equivalent[i], _window);
                var traceTimes = traces is null ? (IReadOnlyList<double>)[] : times.GetRange(0, traces[i].Count);
                points.Add(new PointCureResult(setups[i].Point.Id, setups[i].Model, peak[i], above[i], equivalent[i], verdict, margin, binding, traceTimes, traces?[i] ?? (IReadOnlyList<double>)[]));
            }

            results.Add(new BodyCureResult(bodies[b], exit[b], points));
        }

        return results;
    }

    /// <summary>
    /// <see cref="CureAccumulator.Step"/> with the cure rate at the step start carried over from the previous step
    /// (one exponential per point and step instead of two).
    /// </summary>
    private static void Accumulate(double t0, double t1, double dt, CureWindow window, ref double rate0, ref double peak, ref double above, ref double equivalent)
    {
        peak = Math.Max(peak, t1);
        var threshold = window.Threshold;
        if (t0 >= threshold && t1 >= threshold)
        {
            above += dt;
        }
        else if (t0 >= threshold || t1 >= threshold)
        {
            // The crossing inside the step, by linear interpolation.
            var fraction = t1 >= threshold ? (t1 - threshold) / (t1 - t0) : (t0 - threshold) / (t0 - t1);
            above += dt * fraction;
        }

        var rate1 = CureAccumulator.RelativeRate(t1, window);
        equivalent += 0.5 * dt * (rate0 + rate1);
        rate0 = rate1;
    }

    private sealed record StylePoints(PointSetup[] Points);

    private sealed record PointSetup(MeasurementPoint Point, ThermalMaterial Material, double Emissivity, ThermalModelKind Model);
}
