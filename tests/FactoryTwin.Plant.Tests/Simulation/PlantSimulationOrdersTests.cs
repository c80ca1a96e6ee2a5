using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Releases;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Plant.Tests.Simulation;

public sealed class PlantSimulationOrdersTests
{
    private static readonly DateTimeOffset s_now = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Station B works on X-0; X-1 and then X-2 wait in the buffer before it.</summary>
    private static PlantSnapshot Snapshot => new()
    {
        Instant = s_now,
        Stations =
        [
            new PlantSnapshotStation
            {
                Station = new AssetId("station-b"),
                Servers = [new PlantSnapshotServer { State = StationState.Working, Part = new PlantSnapshotPart { BodyId = "X-0" } }],
            },
        ],
        Stores = [new PlantSnapshotStore { Store = new AssetId("buffer-ab"), Parts = [Stored("X-1"), Stored("X-2")] }],
    };

    private static PlantSnapshotStoredPart Stored(string body) => new() { Part = new PlantSnapshotPart { BodyId = body } };

    private static double[] Run(IReadOnlyDictionary<string, string> bodyOrders, int outstanding = 1)
    {
        var simulation = PlantSimulationBuilder.Build(TestPlants.TwoStations);
        double t0 = simulation.SimulationTimeOf(s_now);
        var schedule = new ReleaseSchedule("S", [new ReleaseOrder("A", new VariantId("standard"), new ColourId("raw"), 1, s_now, Released: 1)]);
        var plan = new ScheduleReleasePlan(simulation.Plant, schedule, t => s_now.AddSeconds(t - t0), at => t0 + (at - s_now).TotalSeconds);
        var completion = new double[1];
        simulation.RunOrders(Snapshot, plan, new(["A"], [outstanding], bodyOrders), 7, 0, 6 * 3600, completion, Token);
        return completion;
    }

    [Fact]
    public void RunOrders_OrdersBodyWaitingInABuffer_CompletesWhenItLeavesAfterTheBodiesAheadOfIt()
    {
        var last = Run(new Dictionary<string, string> { ["X-2"] = "A" })[0];
        var first = Run(new Dictionary<string, string> { ["X-0"] = "A" })[0];

        Assert.True(double.IsFinite(last) && last > 0, $"{last}");
        Assert.True(first < last, $"the body on the station leaves first: {first} < {last}");
    }

    [Fact]
    public void RunOrders_NoBodyOfTheOrderAnywhere_IsNotCompleteByTheHorizon()
    {
        Assert.Equal(double.PositiveInfinity, Run(new Dictionary<string, string> { ["X-9"] = "A" })[0]);
    }

    [Fact]
    public void RunOrders_NothingOutstanding_IsCompleteAtTheStart()
    {
        Assert.Equal(0, Run(new Dictionary<string, string>(), outstanding: 0)[0]);
    }
}
