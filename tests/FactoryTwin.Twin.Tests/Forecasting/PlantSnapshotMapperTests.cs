using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;
using FactoryTwin.Twin.Plants;

namespace FactoryTwin.Twin.Tests.Forecasting;

/// <summary>What the live snapshot tells the forecast about the work already done on each body.</summary>
public sealed class PlantSnapshotMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 16, 0, 0, TimeSpan.Zero);

    private static PlantSnapshot Map(params TwinSnapshotAsset[] assets) =>
        PlantSnapshotMapper.Map(new TwinSnapshot(Now, [.. assets], []), new PlantIndex(TestPlants.Automotive));

    private static TwinBody Body(string id, double secondsAgo, string colour = "white") => new(id, "sedan", colour, Now.AddSeconds(-secondsAgo));

    [Fact]
    public void Map_WorkingOven_EachBodyHasWorkedSinceItEntered()
    {
        var snapshot = Map(new TwinSnapshotAsset("topcoat-oven", TwinAssetKind.Oven, StationState.Working, Now.AddHours(-3), [Body("B-1", 1500), Body("B-2", 600)]));

        var servers = Assert.Single(snapshot.Stations).Servers;
        Assert.Equal([TimeSpan.FromSeconds(1500), TimeSpan.FromSeconds(600)], servers.Select(s => s.ElapsedWork!.Value));
        Assert.All(servers, s => Assert.Equal(TimeSpan.FromHours(3), s.TimeInState));
    }

    [Fact]
    public void Map_DownStationWithBody_WorkIsTimeInsideLessTimeDown()
    {
        var snapshot = Map(new TwinSnapshotAsset("basecoat", TwinAssetKind.Station, StationState.Down, Now.AddSeconds(-300), [Body("B-1", 320)]));

        var server = Assert.Single(Assert.Single(snapshot.Stations).Servers);
        Assert.Equal(StationState.Down, server.State);
        Assert.Equal(TimeSpan.FromSeconds(20), server.ElapsedWork);
        Assert.Equal(TimeSpan.FromSeconds(300), server.TimeInState);
    }

    [Fact]
    public void Map_SetupOrBodyFromTheFuture_WorkUnknown()
    {
        var snapshot = Map(
            new TwinSnapshotAsset("basecoat", TwinAssetKind.Station, StationState.Setup, Now.AddSeconds(-5), [Body("B-1", 5)]),
            new TwinSnapshotAsset("clearcoat", TwinAssetKind.Station, StationState.Working, Now.AddSeconds(-5), [Body("B-2", -2)]));

        Assert.All(snapshot.Stations, s => Assert.Null(Assert.Single(s.Servers).ElapsedWork));
        Assert.Null(snapshot.Stations.Single(s => s.Station.Value == "basecoat").Servers[0].LastColour);
    }

    [Fact]
    public void Map_WorkingStation_IsSetUpForItsBody()
    {
        var snapshot = Map(new TwinSnapshotAsset("basecoat", TwinAssetKind.Station, StationState.Working, Now.AddSeconds(-30), [Body("B-1", 30, colour: "red")]));

        var server = Assert.Single(Assert.Single(snapshot.Stations).Servers);
        Assert.Equal(new ColourId("red"), server.LastColour);
        Assert.Equal(new VariantId("sedan"), server.LastVariant);
    }

    [Fact]
    public void Map_Conveyor_RemainingTransitFromEntryNeverAheadOfTheBodyInFront()
    {
        // 36 m at 12 m/min: 180 s from end to end.
        var snapshot = Map(new TwinSnapshotAsset("respot-conveyor", TwinAssetKind.Conveyor, StationState.Working, null, [Body("B-1", 400), Body("B-2", 100), Body("B-3", 130), Body("B-4", 10)]));

        var parts = Assert.Single(snapshot.Stores).Parts;
        Assert.Equal([0, 80, 80, 170], parts.Select(p => p.RemainingTransit!.Value.TotalSeconds));
    }
}
