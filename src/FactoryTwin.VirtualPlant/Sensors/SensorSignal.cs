using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Units;
using FactoryTwin.VirtualPlant.Scenarios;

namespace FactoryTwin.VirtualPlant.Sensors;

/// <summary>
/// The simulated reading of one sensor: a nominal value (an oven zone's setpoint; else the middle of the band of a
/// threshold alarm on the sensor, else of its valid range) plus a slow drift (Ornstein–Uhlenbeck with a 30-minute time
/// constant, updated exactly over each step), white measurement noise and a disturbance offset that approaches its
/// target with a first-order lag of 60 s (a burner trip sets the target to −drop until it ends). Values in SI internally,
/// published in the sensor's unit and rounded to 3 decimals, clamped to the valid range.
/// </summary>
internal sealed class SensorSignal
{
    /// <summary>Drift time constant in seconds.</summary>
    public const double DriftTimeConstant = 1800;

    /// <summary>Time constant of the air temperature after a burner trips or relights, in seconds.</summary>
    public const double DisturbanceTimeConstant = 60;

    private readonly double _scale;
    private readonly double _offset;
    private readonly double _driftSd;
    private readonly double _noiseSd;
    private NoiseStream _rng;
    private double _drift;
    private double _disturbance;
    private double _disturbanceTarget;
    private double _disturbanceEnd = double.NegativeInfinity;
    private double _last;
    private DisturbanceKind _fault;
    private double _faultMagnitude;
    private double _faultStart = double.NegativeInfinity;
    private double _faultEnd = double.NegativeInfinity;
    private double _lastReading = double.NaN;
    private double _stuckReading = double.NaN;

    public SensorSignal(Sensor sensor, double nominal, bool ovenZone, ulong seed)
    {
        Sensor = sensor;
        Nominal = nominal;
        (_scale, _offset) = SensorQuantityKinds.Conversion(sensor);
        double range = sensor.Max - sensor.Min;
        _driftSd = ovenZone ? 1.0 : 0.01 * range;
        _noiseSd = ovenZone ? 0.3 : 0.004 * range;
        IsOvenZone = ovenZone;
        _rng = new NoiseStream(seed, NoiseStream.IdOf(sensor.Id.Value));
        _drift = _driftSd * _rng.NextNormal();
    }

    public Sensor Sensor { get; }

    /// <summary>Gets whether the sensor measures an oven zone's air.</summary>
    public bool IsOvenZone { get; }

    /// <summary>Converts a reading in the sensor's unit (as <see cref="Sample"/> returns it) to SI.</summary>
    public double ToSi(double reading) => (reading * _scale) + _offset;

    /// <summary>Gets the nominal value in SI units.</summary>
    public double Nominal { get; }

    /// <summary>Starts a disturbance: the value falls toward nominal − <paramref name="drop"/> until <paramref name="until"/>.</summary>
    public void Disturb(double drop, double until)
    {
        _disturbanceTarget = -drop;
        _disturbanceEnd = Math.Max(_disturbanceEnd, until);
    }

    /// <summary>
    /// Starts a sensor fault from <paramref name="start"/> to <paramref name="end"/> (a later fault replaces an earlier one):
    /// the process value goes on as before, only what the sensor reports is wrong.
    /// </summary>
    /// <param name="kind">Drift, step, stuck or noise.</param>
    /// <param name="magnitude">Drift rate in SI units per second, step in SI units, or noise factor.</param>
    /// <param name="start">Simulated second the fault starts.</param>
    /// <param name="end">Simulated second it ends.</param>
    public void Fault(DisturbanceKind kind, double magnitude, double start, double end)
    {
        _fault = kind;
        _faultMagnitude = magnitude;
        _faultStart = start;
        _faultEnd = end;
        _stuckReading = double.NaN;
    }

    /// <summary>Advances the signal to <paramref name="time"/> and returns the reading in the sensor's unit.</summary>
    public double Sample(double time)
    {
        double dt = Math.Max(time - _last, 0);
        _last = time;
        if (time >= _disturbanceEnd)
        {
            _disturbanceTarget = 0;
        }

        // Exact updates over dt: OU drift x ← a·x + σ·√(1−a²)·N; first-order lag y ← y + (target − y)(1 − e^(−dt/τ)).
        double a = Math.Exp(-dt / DriftTimeConstant);
        _drift = (a * _drift) + (_driftSd * Math.Sqrt(1 - (a * a)) * _rng.NextNormal());
        _disturbance += (_disturbanceTarget - _disturbance) * (1 - Math.Exp(-dt / DisturbanceTimeConstant));
        double noise = _noiseSd * _rng.NextNormal();
        double si = Nominal + _drift + _disturbance;
        bool faulty = time >= _faultStart && time < _faultEnd;
        if (faulty)
        {
            switch (_fault)
            {
                case DisturbanceKind.SensorDrift:
                    si += _faultMagnitude * (time - _faultStart);
                    break;
                case DisturbanceKind.SensorStep:
                    si += _faultMagnitude;
                    break;
                case DisturbanceKind.SensorNoise:
                    noise *= _faultMagnitude;
                    break;
                case DisturbanceKind.SensorStuck:
                    if (double.IsNaN(_stuckReading))
                    {
                        _stuckReading = double.IsNaN(_lastReading) ? Math.Round((si + noise - _offset) / _scale, 3) : _lastReading;
                    }

                    return _lastReading = _stuckReading;
            }
        }

        si = Math.Clamp(si + noise, Sensor.Min, Sensor.Max);
        return _lastReading = Math.Round((si - _offset) / _scale, 3);
    }

    /// <summary>Builds the signals of every sensor of a plant.</summary>
    public static List<SensorSignal> ForPlant(PlantModel plant, ulong seed)
    {
        var zones = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var station in plant.Elements().OfType<Station>())
        {
            if (station.Oven is { } oven)
            {
                foreach (var zone in oven.Zones)
                {
                    zones[zone.Sensor.Value] = zone.Setpoint;
                }
            }
        }

        var bands = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var alarm in plant.Alarms.OfType<ThresholdAlarm>())
        {
            if (alarm.Low is { } low && alarm.High is { } high)
            {
                bands[alarm.Sensor.Value] = (low + high) / 2;
            }
        }

        var result = new List<SensorSignal>();
        foreach (var sensor in plant.Sensors)
        {
            bool zone = zones.TryGetValue(sensor.Id.Value, out var setpoint);
            double nominal = zone ? setpoint : bands.TryGetValue(sensor.Id.Value, out var band) ? band : (sensor.Min + sensor.Max) / 2;
            result.Add(new SensorSignal(sensor, nominal, zone, seed));
        }

        return result;
    }
}
