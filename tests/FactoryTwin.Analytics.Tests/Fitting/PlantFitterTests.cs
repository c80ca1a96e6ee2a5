using FactoryTwin.Analytics.Fitting;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.Tests.Fitting;

public sealed class PlantFitterTests
{
    private static readonly DateTimeOffset Since = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    // The automotive sample: closures has one server, respot two that fail each on its own (scope server, the default),
    // pretreatment twenty that one conveyor drive fault stops together (scope station).
    private static readonly AssetId Closures = new("closures");
    private static readonly AssetId Respot = new("respot");
    private static readonly AssetId Pretreatment = new("pretreatment");

    /// <summary>Forty cycles of working (exponential, mean 50 min) then down (exponential, mean 5 min), from <see cref="Since"/>.</summary>
    private static (StationHistory History, DateTimeOffset Until) WorkingAndDown(AssetId station, int seed)
    {
        var rng = new Random(seed);
        var states = new List<StateSpan>();
        var t = Since;
        for (int i = 0; i < 40; i++)
        {
            var up = t + TimeSpan.FromMinutes(-50 * Math.Log(1 - rng.NextDouble()));
            var down = up + TimeSpan.FromMinutes(-5 * Math.Log(1 - rng.NextDouble()));
            states.Add(new StateSpan(t, up, StationState.Working));
            states.Add(new StateSpan(up, down, StationState.Down));
            t = down;
        }

        var until = t + TimeSpan.FromMinutes(30);
        states.Add(new StateSpan(t, until, StationState.Working));
        return (new StationHistory(station, states, []), until);
    }

    private static (PlantFitReport Report, PlantFitUpdate Update) FitThree()
    {
        var plant = TestPlants.Automotive;
        var histories = new[] { WorkingAndDown(Closures, 1), WorkingAndDown(Respot, 2), WorkingAndDown(Pretreatment, 3) };
        var until = histories.Max(h => h.Until);
        var report = PlantFitter.Fit(plant, [.. histories.Select(h => h.History)], Since, until, cancellationToken: TestContext.Current.CancellationToken);
        return (report, PlantFitEdits.Apply(plant, report));
    }

    [Fact]
    public void Fit_SeveralServersFailingEachOnItsOwn_FitsNoFailuresAndSaysWhy()
    {
        var (report, update) = FitThree();

        // A down station of two servers is one where neither works: its history is no measure of one server's failures.
        var respot = report.Stations.Single(s => s.Station == Respot);
        Assert.Null(respot.Failures);
        Assert.Null(respot.Repairs);
        Assert.Contains(respot.Notes, n => n.Contains("2 servers failing each on its own", StringComparison.Ordinal) && n.Contains("the plant file keeps them", StringComparison.Ordinal));
        Assert.DoesNotContain(update.Changes, c => c.Station == Respot && c.Field.StartsWith("failures", StringComparison.Ordinal));
        var before = ((Station)TestPlants.Automotive.FindElement(Respot)!).Failures[0];
        Assert.Equal(before, ((Station)update.Plant.FindElement(Respot)!).Failures[0]);
    }

    [Fact]
    public void Fit_OneServerOrAFailureThatStopsTheStation_FitsFailuresAndRepairs()
    {
        var (report, update) = FitThree();

        foreach (var station in new[] { Closures, Pretreatment })
        {
            var fit = report.Stations.Single(s => s.Station == station);
            Assert.NotNull(fit.Failures);
            Assert.NotNull(fit.Repairs);
            Assert.Equal(40, fit.Repairs.Count);
            Assert.Contains(update.Changes, c => c.Station == station && c.Field == "failures[0].timeBetween");
            Assert.Contains(update.Changes, c => c.Station == station && c.Field == "failures[0].timeToRepair");
        }
    }
}
