using FactoryTwin.Analytics.Orders;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Releases;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Analytics.Tests.Orders;

public sealed class OrderCompletionForecasterTests
{
    /// <summary>A body every 60 s, two stations of exactly 50 s, no failures: body k of an order leaves at about 60·k + 100 s.</summary>
    private static readonly Lazy<PlantModel> s_plant = new(() => TestPlants.Parse(
        File.ReadAllText(TestPlants.PathOf("two-stations.yaml"))
            .Replace("interArrival: { dist: exponential, mean: 60 s }", "interArrival: 60 s", StringComparison.Ordinal)
            .Replace("processingTime: { dist: exponential, mean: 50 s }", "processingTime: 50 s", StringComparison.Ordinal)
            .Replace("processingTime: { dist: exponential, mean: 55 s }", "processingTime: 50 s", StringComparison.Ordinal)
            .Replace(
                """
                            failures:
                              - name: gripper fault
                                timeBetween: { dist: exponential, mean: 8 h }
                                timeToRepair: { dist: lognormal, mean: 10 min, cv: 0.5 }
                                basis: operating

                """,
                string.Empty,
                StringComparison.Ordinal)));

    private static readonly DateTimeOffset s_now = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static OrderCompletionForecaster Forecaster => new(PlantSimulationBuilder.Build(s_plant.Value));

    private static ReleaseSchedule Schedule(int quantity, int released = 0) =>
        new("S-1", [new ReleaseOrder("A", new VariantId("standard"), new ColourId("raw"), quantity, s_now, Released: released)]);

    [Fact]
    public void Forecast_DeterministicLine_MedianIsWhenTheLastBodyOfTheOrderLeaves()
    {
        var forecast = Forecaster.Forecast(
            new PlantSnapshot { Instant = s_now },
            Schedule(10),
            [new ForecastOrder("A", 10, s_now.AddDays(1))],
            new Dictionary<string, string>(),
            new OrderForecastOptions { Replications = 8 },
            Token);

        var order = Assert.Single(forecast.Orders);
        Assert.Equal("A", order.OrderId);

        // Ten releases a minute apart (the first within a minute of the start), then 100 s through both stations.
        var expected = Assert.NotNull(order.Expected);
        Assert.InRange((expected - s_now).TotalSeconds, 640 - 1, 700 + 1);
        Assert.True(order.Low <= expected && expected <= order.High, $"{order.Low} ≤ {expected} ≤ {order.High}");
        Assert.Equal(1.0, order.CompleteProbability);
    }

    [Fact]
    public void Forecast_DueFarAheadOrImpossiblySoon_OnTimeProbabilityIsOneOrZero()
    {
        var far = Forecaster.Forecast(new PlantSnapshot { Instant = s_now }, Schedule(10), [new ForecastOrder("A", 10, s_now.AddHours(5))], new Dictionary<string, string>(), new OrderForecastOptions { Replications = 8 }, Token);
        var soon = Forecaster.Forecast(new PlantSnapshot { Instant = s_now }, Schedule(10), [new ForecastOrder("A", 10, s_now.AddMinutes(2))], new Dictionary<string, string>(), new OrderForecastOptions { Replications = 8 }, Token);

        Assert.Equal(1.0, far.Orders[0].OnTimeProbability);
        Assert.Equal(0.0, soon.Orders[0].OnTimeProbability);
    }

    [Fact]
    public void Forecast_OrderBodyAlreadyInThePlant_CompletesWhenThatBodyLeaves()
    {
        // The order's one body is on station B with 20 s of work left; it has been released, so no new body is its.
        var snapshot = new PlantSnapshot
        {
            Instant = s_now,
            Stations =
            [
                new PlantSnapshotStation
                {
                    Station = new AssetId("station-b"),
                    Servers = [new PlantSnapshotServer { State = StationState.Working, Part = new PlantSnapshotPart { BodyId = "B-7" }, ElapsedWork = TimeSpan.FromSeconds(30) }],
                },
            ],
        };

        var forecast = Forecaster.Forecast(snapshot, Schedule(1, released: 1), [new ForecastOrder("A", 1, s_now.AddHours(1))], new Dictionary<string, string> { ["B-7"] = "A" }, new OrderForecastOptions { Replications = 4 }, Token);
        var unknown = Forecaster.Forecast(snapshot, Schedule(1, released: 1), [new ForecastOrder("A", 1, s_now.AddHours(1))], new Dictionary<string, string>(), new OrderForecastOptions { Replications = 4, Horizon = TimeSpan.FromHours(2) }, Token);

        Assert.Equal(20, (Assert.NotNull(forecast.Orders[0].Expected) - s_now).TotalSeconds, 1e-6);
        Assert.Null(unknown.Orders[0].Expected);
        Assert.Equal(0.0, unknown.Orders[0].CompleteProbability);
    }

    [Fact]
    public void Forecast_OrderLongerThanTheHorizon_IsReportedAfterTheHorizon()
    {
        var forecast = Forecaster.Forecast(new PlantSnapshot { Instant = s_now }, Schedule(500), [new ForecastOrder("A", 500, s_now.AddDays(1))], new Dictionary<string, string>(), new OrderForecastOptions { Replications = 4, Horizon = TimeSpan.FromHours(1) }, Token);

        var order = forecast.Orders[0];
        Assert.Equal(s_now.AddHours(1), forecast.Horizon);
        Assert.Null(order.Expected);
        Assert.Null(order.High);
        Assert.Equal(0.0, order.CompleteProbability);
        Assert.Equal(0.0, order.OnTimeProbability);
    }

    [Fact]
    public void Forecast_SameSeed_IdenticalWhateverTheThreadCount()
    {
        var automotive = new OrderCompletionForecaster(PlantSimulationBuilder.Build(TestPlants.Automotive));
        var variant = TestPlants.Automotive.Variants.Items[0].Id;
        var colour = TestPlants.Automotive.Colours.Items[0].Id;
        var schedule = new ReleaseSchedule("S", [new ReleaseOrder("A", variant, colour, 30, s_now), new ReleaseOrder("B", variant, colour, 30, s_now)]);
        ForecastOrder[] orders = [new("A", 30, s_now.AddHours(8)), new("B", 30, s_now.AddHours(8))];

        var one = automotive.Forecast(new PlantSnapshot { Instant = s_now }, schedule, orders, new Dictionary<string, string>(), new OrderForecastOptions { Replications = 6, MaxDegreeOfParallelism = 1 }, Token);
        var two = automotive.Forecast(new PlantSnapshot { Instant = s_now }, schedule, orders, new Dictionary<string, string>(), new OrderForecastOptions { Replications = 6, MaxDegreeOfParallelism = 2 }, Token);

        Assert.Equal(one.Orders, two.Orders);
        Assert.True(one.Orders[0].Expected <= one.Orders[1].Expected, "the first order in sequence is complete first");
    }
}
