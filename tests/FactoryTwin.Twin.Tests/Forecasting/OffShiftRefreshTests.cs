using FactoryTwin.Model.Plants;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;
using FactoryTwin.Twin.Plants;

namespace FactoryTwin.Twin.Tests.Forecasting;

/// <summary>
/// Off shift the plant twin makes a new forecast only when the plant's state changed in a way the forecast reads: a
/// 1,000-replication forecast costs seconds of CPU, and an idle plant must stay idle.
/// </summary>
public sealed class OffShiftRefreshTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 4, 40, 0, TimeSpan.Zero);

    private static TwinSnapshot Snapshot(StationState state, DateTimeOffset since, params TwinBody[] bodies) =>
        new(Now, [new TwinSnapshotAsset("pretreatment", TwinAssetKind.Station, state, since, [.. bodies])], []);

    [Fact]
    public void Difference_OffShiftAgainAfterABreakdown_IsNoneAndTheEngineSnapshotIsTheSame()
    {
        // A body left in the station overnight: the forecast reads its work done, not when the station went off shift.
        var body = new TwinBody("B-1", "sedan", "white", Now.AddHours(-4));
        var before = Snapshot(StationState.OffShift, Now.AddHours(-3), body);
        var after = Snapshot(StationState.OffShift, Now.AddMinutes(-3), body);

        Assert.Null(PlantTwinGrain.Difference(before, after));
        var index = new PlantIndex(TestPlants.Automotive);
        Assert.Equal(
            PlantSnapshotMapper.Map(before, index).Stations.Single().Servers.Select(s => (s.State, s.TimeInState, s.ElapsedWork, s.Part?.BodyId)),
            PlantSnapshotMapper.Map(after, index).Stations.Single().Servers.Select(s => (s.State, s.TimeInState, s.ElapsedWork, s.Part?.BodyId)));
    }

    [Fact]
    public void Difference_DownStationRepairedLater_NamesTheStation()
    {
        var change = PlantTwinGrain.Difference(Snapshot(StationState.Down, Now.AddMinutes(-30)), Snapshot(StationState.Down, Now.AddMinutes(-5)));

        Assert.NotNull(change);
        Assert.Contains("pretreatment", change, StringComparison.Ordinal);
    }

    [Fact]
    public void Difference_StateChanged_NamesBothStates()
    {
        var change = PlantTwinGrain.Difference(Snapshot(StationState.OffShift, Now.AddHours(-3)), Snapshot(StationState.Down, Now.AddMinutes(-5)));

        Assert.NotNull(change);
        Assert.Contains("OffShift", change, StringComparison.Ordinal);
        Assert.Contains("Down", change, StringComparison.Ordinal);
    }

    [Fact]
    public void Difference_BodyArrived_IsAChange()
    {
        var body = new TwinBody("B-1", "sedan", "white", Now.AddMinutes(-1));

        Assert.NotNull(PlantTwinGrain.Difference(Snapshot(StationState.OffShift, Now.AddHours(-3)), Snapshot(StationState.OffShift, Now.AddHours(-3), body)));
    }
}
