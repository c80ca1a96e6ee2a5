using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Alarms;
using FactoryTwin.Twin.Assets;
using FactoryTwin.Twin.Hosting;

namespace FactoryTwin.Twin.Tests.Assets;

public sealed class AssetTwinAnomalyTests
{
    // Monday 30 Nov 2026, 07:00 UTC: inside the early shift of the automotive sample.
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    private static AssetTwin Twin(double onDelay = 0)
    {
        var rule = new AnomalyAlarm
        {
            Id = new AlarmId("z1-anomaly"),
            Name = "Zone 1 air behaves unusually",
            Priority = AlarmPriority.Medium,
            Sensor = new SensorId("ecoat-oven-z1-air"),
            Learn = 300,
            OnDelay = onDelay,
        };
        var model = TestPlants.Automotive with { Alarms = TestPlants.Automotive.Alarms.Append(rule).ToValueList() };
        return new AssetTwin(new PlantIndex(model).Asset("ecoat-oven"), new AssetTwinState(), T0);
    }

    private static void Feed(AssetTwin twin, List<AlarmEvent> events, int from, int to, Func<int, double> kelvin)
    {
        for (var s = from; s < to; s++)
        {
            twin.Apply(new AssetTelemetry([new TwinPoint("ecoat-oven-z1-air", T0.AddSeconds(s), kelvin(s))], []), events);
        }
    }

    [Fact]
    public void Apply_StepAfterLearning_RaisesAnomalyThatCanBeAcknowledged()
    {
        var twin = Twin();
        var events = new List<AlarmEvent>();
        var noise = new Random(3);
        Feed(twin, events, 0, 600, _ => 453.15 + (noise.NextDouble() - 0.5));
        Assert.DoesNotContain(events, e => e.Alarm == "z1-anomaly");

        Feed(twin, events, 600, 700, _ => 458.15 + (noise.NextDouble() - 0.5));

        var raised = Assert.Single(events, e => e.Alarm == "z1-anomaly" && e.Kind == AlarmEventKind.Raised);
        // The clipped z-score (6) must lift the EWMA past 5: 1 − 0.95ⁿ ≥ 5/6 takes 35 samples.
        Assert.InRange(raised.At, T0.AddSeconds(630), T0.AddSeconds(650));
        Assert.True(raised.Value > 0);
        Assert.True(twin.Acknowledge("z1-anomaly", "op", null, T0.AddSeconds(700), events).Succeeded);
    }

    [Fact]
    public void Apply_StuckReading_RaisesAnomaly()
    {
        var twin = Twin();
        var events = new List<AlarmEvent>();
        var noise = new Random(4);
        Feed(twin, events, 0, 400, _ => 453.15 + (noise.NextDouble() - 0.5));

        Feed(twin, events, 400, 500, _ => 453.2);

        Assert.Contains(events, e => e.Alarm == "z1-anomaly" && e.Kind == AlarmEventKind.Raised);
    }

    [Fact]
    public void Apply_BriefBlipWithOnDelay_RaisesNothing()
    {
        var twin = Twin(onDelay: 60);
        var events = new List<AlarmEvent>();
        var noise = new Random(5);
        Feed(twin, events, 0, 400, _ => 453.15 + (noise.NextDouble() - 0.5));

        // A 10 s step of 5 K, then back: the EWMA trips for a few seconds, shorter than the 60 s on-delay.
        Feed(twin, events, 400, 410, _ => 458.15);
        Feed(twin, events, 410, 600, _ => 453.15 + (noise.NextDouble() - 0.5));

        Assert.DoesNotContain(events, e => e.Alarm == "z1-anomaly" && e.Kind == AlarmEventKind.Raised);
    }
}
