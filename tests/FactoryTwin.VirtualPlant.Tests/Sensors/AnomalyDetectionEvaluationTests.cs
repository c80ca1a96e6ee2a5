using System.Globalization;
using FactoryTwin.Analytics.Anomaly;
using FactoryTwin.Model.Plants;
using FactoryTwin.VirtualPlant.Scenarios;
using FactoryTwin.VirtualPlant.Sensors;

namespace FactoryTwin.VirtualPlant.Tests.Sensors;

/// <summary>
/// Measures the anomaly alarm (default settings, 30 s on-delay) on the virtual plant's sensor signals, driven in process
/// at 1 Hz: false alarms per sensor-day on a fault-free week, and precision, recall and detection delay per injected
/// sensor fault. The figures in docs/virtual-plant.md come from this test's output.
/// </summary>
public sealed class AnomalyDetectionEvaluationTests
{
    private const int OnDelay = 30;
    private const int Learn = AnomalyDetectorOptions.DefaultLearningSamples;
    private const int FaultStart = Learn + 3600;     // an hour in control after learning
    private const int FaultLength = 1800;
    private const int Grace = 600;                   // an alarm up to 10 min after the fault ends still counts as a detection

    private static readonly PlantModel Plant = TestPlants.Automotive;

    [Fact]
    public void Detector_FaultFreeWeek_RaisesFewerThanOneFalseAlarmPerSensorDay()
    {
        var signals = SensorSignal.ForPlant(Plant, seed: 11);
        long alarms = 0;
        foreach (var signal in signals)
        {
            var alarm = new OnDelayAlarm(new RobustAnomalyDetector(new AnomalyDetectorOptions()));
            for (int t = 0; t < 7 * 86_400; t++)
            {
                alarms += alarm.Update(signal.Sample(t)) ? 1 : 0;
            }
        }

        double perSensorDay = alarms / (signals.Count * 7.0);
        Report($"fault-free week: {signals.Count} sensors, {alarms} alarms, {perSensorDay.ToString("0.000", CultureInfo.InvariantCulture)} false alarms per sensor-day");
        Assert.True(perSensorDay < 1, $"{perSensorDay} false alarms per sensor-day");
    }

    [Theory]
    [InlineData(DisturbanceKind.SensorStep)]
    [InlineData(DisturbanceKind.SensorDrift)]
    [InlineData(DisturbanceKind.SensorStuck)]
    [InlineData(DisturbanceKind.SensorNoise)]
    public void Detector_InjectedSensorFault_IsFoundWithHighPrecisionAndRecall(DisturbanceKind kind)
    {
        int faults = 0, detected = 0, truePositives = 0, falsePositives = 0;
        var delays = new List<double>();
        for (ulong seed = 1; seed <= 3; seed++)
        {
            foreach (var signal in SensorSignal.ForPlant(Plant, seed))
            {
                double sigma = StationarySd(signal);
                double magnitude = kind switch
                {
                    DisturbanceKind.SensorStep => 6 * sigma,                 // a 6 σ offset
                    DisturbanceKind.SensorDrift => 4 * sigma / 900,          // 4 σ per quarter of an hour
                    DisturbanceKind.SensorNoise => 5,                        // five times the measurement noise
                    _ => 0,
                };
                signal.Fault(kind, magnitude, FaultStart, FaultStart + FaultLength);
                var alarm = new OnDelayAlarm(new RobustAnomalyDetector(new AnomalyDetectorOptions()));
                faults++;
                bool found = false;
                for (int t = 0; t < FaultStart + FaultLength + Grace; t++)
                {
                    if (alarm.Update(signal.Sample(t)))
                    {
                        if (t >= FaultStart)
                        {
                            truePositives++;
                            if (!found)
                            {
                                found = true;
                                detected++;
                                delays.Add(t - FaultStart);
                            }
                        }
                        else
                        {
                            falsePositives++;
                        }
                    }
                }
            }
        }

        double precision = truePositives + falsePositives == 0 ? 1 : (double)truePositives / (truePositives + falsePositives);
        double recall = (double)detected / faults;
        delays.Sort();
        string median = delays.Count == 0 ? "–" : delays[delays.Count / 2].ToString("0", CultureInfo.InvariantCulture);
        string p90 = delays.Count == 0 ? "–" : delays[(int)(0.9 * (delays.Count - 1))].ToString("0", CultureInfo.InvariantCulture);
        Report(string.Create(CultureInfo.InvariantCulture, $"{kind}: {faults} faults, recall {recall:0.000}, precision {precision:0.000} ({truePositives} true, {falsePositives} false alarms), delay median {median} s, 90th percentile {p90} s (includes the {OnDelay} s on-delay)"));
        Assert.True(recall >= 0.9, $"recall {recall}");
        Assert.True(precision >= 0.9, $"precision {precision}");
    }

    /// <summary>The stationary standard deviation of a simulated sensor: OU drift and white noise (SensorSignal's constants).</summary>
    private static double StationarySd(SensorSignal signal)
    {
        bool zone = Plant.Elements().OfType<Station>().Any(s => s.Oven?.Zones.Any(z => z.Sensor == signal.Sensor.Id) == true);
        double range = signal.Sensor.Max - signal.Sensor.Min;
        double drift = zone ? 1.0 : 0.01 * range;
        double noise = zone ? 0.3 : 0.004 * range;
        return Math.Sqrt((drift * drift) + (noise * noise));
    }

    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    /// <summary>The ISA-18.2 on-delay in front of the detector: raised once the condition has held for <see cref="OnDelay"/> samples; cleared at once.</summary>
    private sealed class OnDelayAlarm(RobustAnomalyDetector detector)
    {
        private int _held;
        private bool _active;

        /// <summary>Feeds a sample; true when the alarm is raised at it.</summary>
        public bool Update(double value)
        {
            bool condition = detector.Update(value, 0) != AnomalyKind.None;
            _held = condition ? _held + 1 : 0;
            if (!_active && _held >= OnDelay)
            {
                _active = true;
                return true;
            }

            if (_active && !condition)
            {
                _active = false;
            }

            return false;
        }
    }
}
