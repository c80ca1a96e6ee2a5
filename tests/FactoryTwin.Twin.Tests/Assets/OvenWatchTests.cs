using FactoryTwin.Model.Ids;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Alarms;
using FactoryTwin.Twin.Assets;
using FactoryTwin.Twin.Hosting;

namespace FactoryTwin.Twin.Tests.Assets;

public class OvenWatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
    private static readonly PlantIndex Index = new(TestPlants.Automotive);
    private static readonly string[] Zones = ["ecoat-oven-z1-air", "ecoat-oven-z2-air", "ecoat-oven-z3-air", "ecoat-oven-z4-air", "ecoat-oven-z5-air"];
    private static readonly double[] Setpoints = [195, 200, 190, 185, 60];

    private static AssetTwin NewOven() =>
        new(Index.Asset("ecoat-oven"), new AssetTwinState(), T0, new OvenWatch(Index.Model, new AssetId("ecoat-oven")));

    private static void Feed(AssetTwin oven, DateTimeOffset from, DateTimeOffset to, Func<int, double> celsius, List<AlarmEvent> events)
    {
        for (var t = from; t <= to; t = t.AddSeconds(30))
        {
            oven.Apply(new AssetTelemetry([.. Zones.Select((z, i) => new TwinPoint(z, t, celsius(i) + 273.15))], []), events);
        }
    }

    [Fact]
    public void EvaluateCure_ZonesAtSetpoints_RaisesNothing()
    {
        var oven = NewOven();
        var events = new List<AlarmEvent>();
        oven.Apply(new AssetTelemetry([], [.. Enumerable.Range(0, 8).Select(i => new TwinPartEvent("ecoat-oven", T0.AddMinutes(4 * i), false, "B-" + i, i % 2 == 0 ? "sedan" : "suv", "white"))]), events);
        Feed(oven, T0, T0.AddMinutes(29), i => Setpoints[i], events);
        oven.Evaluate(T0.AddMinutes(29), events);
        Assert.DoesNotContain(oven.Alarms(includeNormal: true), a => a.Alarm.Contains(AssetTwin.UnderCureInfix, StringComparison.Ordinal));
    }

    [Fact]
    public void EvaluateCure_ZoneDrop_RaisesUnderCureForAffectedBodiesWhileInside()
    {
        var oven = NewOven();
        var events = new List<AlarmEvent>();
        var transit = TimeSpan.FromSeconds(Index.Asset("ecoat-oven").Oven!.TransitTime);
        oven.Apply(new AssetTelemetry([], [.. Enumerable.Range(0, 8).Select(i => new TwinPartEvent("ecoat-oven", T0.AddMinutes(4 * i), false, "B-" + i, "sedan", "white"))]), events);
        Feed(oven, T0, T0.AddMinutes(29), i => Setpoints[i], events);

        // Zones 2 and 3 (40-130 m) fall to 100 °C at minute 29.5: bodies that have not passed them yet are affected.
        var drop = T0.AddMinutes(29.5);
        Feed(oven, drop, drop.AddMinutes(1), i => i is 1 or 2 ? 100 : Setpoints[i], events);
        var now = drop.AddMinutes(1);
        oven.Evaluate(now, events);

        var alarms = oven.Alarms(includeNormal: true).Where(a => a.Alarm.Contains(AssetTwin.UnderCureInfix, StringComparison.Ordinal)).ToList();
        var flagged = alarms.Select(a => a.Alarm[(a.Alarm.LastIndexOf(':') + 1)..]).ToHashSet();
        Assert.Contains("B-7", flagged); // entered at minute 28: still in zone 1
        Assert.Contains("B-6", flagged); // entered at minute 24: still in zone 1
        Assert.DoesNotContain("B-0", flagged); // entered at minute 0: already in zone 5
        Assert.DoesNotContain("B-1", flagged); // minute 4: in zone 4, past the drop
        foreach (var alarm in alarms)
        {
            var body = alarm.Alarm[(alarm.Alarm.LastIndexOf(':') + 1)..];
            var entered = T0.AddMinutes(4 * int.Parse(body[2..], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(AlarmState.ActiveUnacknowledged, alarm.State);
            Assert.True(alarm.RaisedAt < entered + transit, $"{body} was flagged after it left");
            Assert.Contains(body, alarm.Message, StringComparison.Ordinal);
            Assert.Contains("point", alarm.Message, StringComparison.Ordinal);
        }

        // The body leaves: its alarm clears (and waits for an acknowledgement).
        oven.Apply(new AssetTelemetry([], [new TwinPartEvent("ecoat-oven", now.AddMinutes(5), true, "B-6", "sedan", "white")]), events);
        oven.Evaluate(now.AddMinutes(5), events);
        Assert.Equal(AlarmState.ClearedUnacknowledged, Assert.Single(oven.Alarms(includeNormal: true), a => a.Alarm == "ecoat-oven:under-cure:B-6").State);
    }

    [Fact]
    public void View_AfterZoneDrop_CureVerdictsAndCurvesAgreeWithTheUnderCureAlarms()
    {
        var oven = NewOven();
        var events = new List<AlarmEvent>();
        oven.Apply(new AssetTelemetry([], [.. Enumerable.Range(0, 8).Select(i => new TwinPartEvent("ecoat-oven", T0.AddMinutes(4 * i), false, "B-" + i, "sedan", "white"))]), events);
        Feed(oven, T0, T0.AddMinutes(29), i => Setpoints[i], events);
        var drop = T0.AddMinutes(29.5);
        Feed(oven, drop, drop.AddMinutes(1), i => i is 1 or 2 ? 100 : Setpoints[i], events);
        var now = drop.AddMinutes(1);
        Assert.Empty(oven.View(now).Cure);

        oven.Evaluate(now, events);

        // The view carries exactly the prediction behind the alarms: one entry per body, under-cured where alarmed.
        var view = oven.View(now);
        Assert.Equal(8, view.Cure.Length);
        var alarmed = oven.Alarms(includeNormal: false).Where(a => a.Alarm.Contains(AssetTwin.UnderCureInfix, StringComparison.Ordinal))
            .Select(a => a.Alarm[(a.Alarm.LastIndexOf(':') + 1)..]).ToHashSet();
        Assert.NotEmpty(alarmed);
        Assert.Equal(alarmed, view.Cure.Where(c => c.Verdict == TwinCureVerdict.UnderCured).Select(c => c.PartId).ToHashSet());
        Assert.All(view.Cure, c => Assert.Equal(now, c.PredictedAt));

        // A body's curves come from the same conditions: their verdicts give the body's verdict in the view.
        foreach (var cure in view.Cure)
        {
            var curves = oven.Curves(cure.PartId, now);
            Assert.NotNull(curves);
            var worst = curves.Points.Any(p => p.Verdict == TwinCureVerdict.UnderCured) ? TwinCureVerdict.UnderCured
                : curves.Points.Any(p => p.Verdict == TwinCureVerdict.OverBaked) ? TwinCureVerdict.OverBaked : TwinCureVerdict.Ok;
            Assert.Equal(cure.Verdict, worst);
            Assert.All(curves.Points, p => Assert.Equal(p.Times.Length, p.Temperatures.Length));
            Assert.Contains(curves.Points, p => p.Point == cure.WorstPoint);
        }

        Assert.Null(oven.Curves("B-unknown", now));
    }
}
