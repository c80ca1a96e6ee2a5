using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Plants;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Alarms;
using FactoryTwin.Twin.Assets;
using FactoryTwin.Twin.Hosting;

namespace FactoryTwin.Twin.Tests.Assets;

public class AssetTwinTests
{
    // Monday 30 Nov 2026, 08:00 Berlin = 07:00 UTC: inside the early shift (06:00-14:00 local).
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
    private static readonly PlantIndex Index = new(TestPlants.Automotive);

    private static AssetTwin Twin(string asset) => new(Index.Asset(asset), new AssetTwinState(), T0);

    private static AssetTelemetry Points(params TwinPoint[] points) => new(points, []);

    [Fact]
    public void Apply_LateMeasurement_DoesNotMoveTheLiveValueBack()
    {
        var twin = Twin("ecoat-oven");
        var events = new List<AlarmEvent>();
        twin.Apply(Points(new TwinPoint("ecoat-oven-z1-air", T0.AddSeconds(10), 460)), events);
        twin.Apply(Points(new TwinPoint("ecoat-oven-z1-air", T0, 470)), events);
        var m = Assert.Single(twin.View(T0.AddSeconds(20)).Measurements, x => x.Channel == "ecoat-oven-z1-air");
        Assert.Equal(460, m.Value);
        Assert.Equal(T0.AddSeconds(10), m.Timestamp);
    }

    [Fact]
    public void Apply_LateStateChange_IsIgnored()
    {
        var twin = Twin("respot");
        var events = new List<AlarmEvent>();
        twin.Apply(Points(new TwinPoint("state", T0.AddMinutes(5), (int)StationState.Working)), events);
        twin.Apply(Points(new TwinPoint("state", T0, (int)StationState.Down)), events);
        var view = twin.View(T0.AddMinutes(6));
        Assert.Equal(StationState.Working, view.State);
        Assert.Equal(T0.AddMinutes(5), view.StateSince);
    }

    [Fact]
    public void Apply_ThresholdWithDeadband_ClearsOnlyInsideTheDeadband()
    {
        var twin = Twin("ecoat-oven");
        var events = new List<AlarmEvent>();
        var high = 210 + 273.15;
        twin.Apply(Points(new TwinPoint("ecoat-oven-z2-air", T0, high + 1)), events);
        Assert.Equal(AlarmState.ActiveUnacknowledged, Alarm(twin, "ecoat-z2-high").State);
        twin.Apply(Points(new TwinPoint("ecoat-oven-z2-air", T0.AddSeconds(1), high - 1)), events);
        Assert.True(Alarm(twin, "ecoat-z2-high").ConditionActive);
        twin.Apply(Points(new TwinPoint("ecoat-oven-z2-air", T0.AddSeconds(2), high - 2.5)), events);
        Assert.Equal(AlarmState.ClearedUnacknowledged, Alarm(twin, "ecoat-z2-high").State);
        Assert.Equal([AlarmEventKind.Raised, AlarmEventKind.Cleared], events.Select(e => e.Kind));
    }

    [Fact]
    public void Apply_FastRamp_RaisesRateOfChange()
    {
        var twin = Twin("topcoat-oven");
        var events = new List<AlarmEvent>();
        twin.Apply(Points(new TwinPoint("topcoat-oven-z2-air", T0, 430)), events);
        twin.Apply(Points(new TwinPoint("topcoat-oven-z2-air", T0.AddSeconds(60), 431)), events);
        Assert.False(Alarm(twin, "topcoat-z2-ramp").ConditionActive);
        twin.Apply(Points(new TwinPoint("topcoat-oven-z2-air", T0.AddSeconds(120), 441)), events);
        Assert.True(Alarm(twin, "topcoat-z2-ramp").ConditionActive);
    }

    [Fact]
    public void Apply_NoisySteadyValueSampledEverySecond_DoesNotRaiseRateOfChange()
    {
        // ±0.5 K of noise between 1 s samples is 30 K/min from sample to sample, but no change over a minute.
        var twin = Twin("topcoat-oven");
        var events = new List<AlarmEvent>();
        for (var s = 0; s <= 600; s++)
        {
            twin.Apply(Points(new TwinPoint("topcoat-oven-z2-air", T0.AddSeconds(s), 430 + (s % 2 == 0 ? 0.5 : -0.5))), events);
        }

        Assert.False(Alarm(twin, "topcoat-z2-ramp").ConditionActive);
        Assert.Empty(events);
    }

    [Fact]
    public void Apply_SteadyDropOverMinutesSampledEverySecond_RaisesRateOfChangeWithinTwoMinutes()
    {
        // A burner trip: 12 K/min for five minutes (the rule allows 5 K/min).
        var twin = Twin("topcoat-oven");
        var events = new List<AlarmEvent>();
        var raisedAt = -1;
        for (var s = 0; s <= 300 && raisedAt < 0; s++)
        {
            twin.Apply(Points(new TwinPoint("topcoat-oven-z2-air", T0.AddSeconds(s), 430 - (0.2 * s))), events);
            raisedAt = Alarm(twin, "topcoat-z2-ramp").ConditionActive ? s : -1;
        }

        Assert.InRange(raisedAt, 60, 120);
    }

    [Fact]
    public void Evaluate_SensorSilentLongerThanRuleAndItsDelays_RaisesStaleThenSteadyDataClearsIt()
    {
        // ecoat-z1-stale: after 30 s, on-delay 30 s, off-delay 30 s.
        var twin = Twin("ecoat-oven");
        var events = new List<AlarmEvent>();
        twin.Apply(Points(new TwinPoint("ecoat-oven-z1-air", T0, 460)), events);
        twin.Evaluate(T0.AddSeconds(20), events);
        Assert.False(Alarm(twin, "ecoat-z1-stale").ConditionActive);
        twin.Evaluate(T0.AddSeconds(31), events);
        Assert.False(Alarm(twin, "ecoat-z1-stale").ConditionActive); // stale, but not for the on-delay yet
        twin.Evaluate(T0.AddSeconds(61), events);
        Assert.True(Alarm(twin, "ecoat-z1-stale").ConditionActive);

        twin.Apply(Points(new TwinPoint("ecoat-oven-z1-air", T0.AddSeconds(62), 460)), events);
        Assert.True(Alarm(twin, "ecoat-z1-stale").ConditionActive); // fresh, but not for the off-delay yet
        twin.Apply(Points(new TwinPoint("ecoat-oven-z1-air", T0.AddSeconds(85), 460)), events);
        twin.Evaluate(T0.AddSeconds(93), events);
        Assert.False(Alarm(twin, "ecoat-z1-stale").ConditionActive);
    }

    [Fact]
    public void Evaluate_OneLateBatchAfterAnother_StaleAlarmDoesNotChatter()
    {
        // What an emulated plant at 60x did: readings every 30 s arrive a few seconds late now and then, so the sensor is
        // "stale" at one evaluation and fresh at the next. Without the on-delay that raised and cleared the alarm each time.
        var twin = Twin("ecoat-oven");
        var events = new List<AlarmEvent>();
        for (var s = 0; s < 1800; s += 30)
        {
            var late = s % 90 == 0 ? 4 : 0;
            twin.Apply(Points(new TwinPoint("ecoat-oven-z1-air", T0.AddSeconds(s + late), 460)), events);
            twin.Evaluate(T0.AddSeconds(s + 29 + late + 5), events);
        }

        Assert.DoesNotContain(events, e => e.Alarm == "ecoat-z1-stale");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(30, 30)]
    public void Apply_NoisyReadingAroundTheLimit_RaisesOnlyWithoutDelays(double onDelay, double offDelay)
    {
        // Zone 2 air at its 210 °C limit with ±4 K noise (beyond the 2 K deadband), one reading per second for 10 minutes.
        var model = TestPlants.Automotive with
        {
            Alarms = TestPlants.Automotive.Alarms.Select(a => a.Id.Value == "ecoat-z2-high" ? a with { OnDelay = onDelay, OffDelay = offDelay } : a).ToValueList(),
        };
        var twin = new AssetTwin(new PlantIndex(model).Asset("ecoat-oven"), new AssetTwinState(), T0);
        var events = new List<AlarmEvent>();
        var noise = new Random(7);
        for (var s = 0; s < 600; s++)
        {
            var celsius = 210 + ((noise.NextDouble() * 2) - 1) * 4;
            twin.Apply(Points(new TwinPoint("ecoat-oven-z2-air", T0.AddSeconds(s), celsius + 273.15)), events);
        }

        var raised = events.Count(e => e.Alarm == "ecoat-z2-high" && e.Kind == AlarmEventKind.Raised);
        if (onDelay == 0)
        {
            Assert.True(raised > 20, $"noise raised {raised} times without delays");
        }
        else
        {
            // Noise around a limit is neither above it nor below it for 30 s in a row: nothing to annunciate.
            Assert.True(raised <= 1, $"noise raised {raised} times with a {onDelay} s on-delay");
        }
    }

    [Fact]
    public void Evaluate_DownLongerThanTenMinutes_RaisesStateDuration()
    {
        var twin = Twin("respot");
        var events = new List<AlarmEvent>();
        twin.Apply(Points(new TwinPoint("state", T0, (int)StationState.Down)), events);
        twin.Evaluate(T0.AddMinutes(9), events);
        Assert.False(Alarm(twin, "respot-down-long").ConditionActive);
        twin.Evaluate(T0.AddMinutes(11), events);
        Assert.Equal(AlarmState.ActiveUnacknowledged, Alarm(twin, "respot-down-long").State);
        twin.Apply(Points(new TwinPoint("state", T0.AddMinutes(12), (int)StationState.Working)), events);
        Assert.Equal(AlarmState.ClearedUnacknowledged, Alarm(twin, "respot-down-long").State);
    }

    [Fact]
    public void Kpi_StatesAndCounters_GivesAvailabilityPerformanceQuality()
    {
        var twin = Twin("respot");
        var events = new List<AlarmEvent>();
        twin.Apply(Points(
            new TwinPoint("state", T0, (int)StationState.Working),
            new TwinPoint("good", T0, 0),
            new TwinPoint("scrap", T0, 0),
            new TwinPoint("state", T0.AddMinutes(30), (int)StationState.Down),
            new TwinPoint("state", T0.AddMinutes(40), (int)StationState.Working),
            new TwinPoint("good", T0.AddMinutes(59), 90),
            new TwinPoint("scrap", T0.AddMinutes(59), 10)), events);
        var kpi = twin.Kpi(T0.AddMinutes(60));
        Assert.Equal(3600, kpi.PlannedSeconds, 6);
        Assert.Equal(3000, kpi.WorkingSeconds, 6);
        Assert.Equal(3000.0 / 3600, kpi.Availability, 9);
        Assert.Equal(0.9, kpi.Quality, 9);
        Assert.Equal(Index.Asset("respot").IdealCycleTime * 100 / 3000, kpi.Performance, 9);
        Assert.Equal(90, kpi.Good);
        Assert.Equal(90, kpi.ThroughputLastHour);
    }

    [Fact]
    public void Apply_PartEvents_TracksBodiesInside()
    {
        var twin = Twin("ecoat-oven");
        var events = new List<AlarmEvent>();
        twin.Apply(new AssetTelemetry([], [
            new TwinPartEvent("ecoat-oven", T0, false, "B-1", "sedan", "white"),
            new TwinPartEvent("ecoat-oven", T0.AddSeconds(30), false, "B-2", "sedan", "white"),
            new TwinPartEvent("ecoat-oven", T0.AddSeconds(60), true, "B-1", "sedan", "white")]), events);
        var body = Assert.Single(twin.View(T0.AddSeconds(61)).Bodies);
        Assert.Equal("B-2", body.PartId);
        Assert.Equal(T0.AddSeconds(30), body.EnteredAt);
    }

    private static AlarmView Alarm(AssetTwin twin, string id) => Assert.Single(twin.Alarms(includeNormal: true), a => a.Alarm == id);
}
