using FactoryTwin.Mes.Scheduling;
using FactoryTwin.TestSupport;

namespace FactoryTwin.Mes.Tests.Scheduling;

public sealed class ScheduleStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ft-mes-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Import_ValidSchedule_IsActiveAndSurvivesReopening()
    {
        var store = new ScheduleStore(_folder, TestPlants.Automotive);
        ProductionSchedule? announced = null;
        store.Changed += s => announced = s;

        var result = store.Import(File.OpenRead(Schedules.SamplePath));

        Assert.True(result.Succeeded);
        Assert.Same(result.Schedule, store.Current);
        Assert.Same(result.Schedule, announced);
        var reopened = new ScheduleStore(_folder, TestPlants.Automotive);
        Assert.Equal(8, reopened.Current!.Orders.Count);
        Assert.True(reopened.LoadResult!.Succeeded);
        Assert.Equal(File.ReadAllBytes(Schedules.SamplePath), File.ReadAllBytes(reopened.FilePath));
    }

    [Theory]
    [InlineData("unknown-colour")]
    [InlineData("negative-quantity")]
    [InlineData("malformed")]
    [InlineData("schema")]
    public void Import_BadSchedule_LeavesTheActiveScheduleAndItsFileUntouched(string kind)
    {
        var store = new ScheduleStore(_folder, TestPlants.Automotive);
        store.Import(File.OpenRead(Schedules.SamplePath));
        var before = File.ReadAllBytes(store.FilePath);
        var active = store.Current;
        var bad = kind switch
        {
            "unknown-colour" => Schedules.One(colour: "purple"),
            "negative-quantity" => Schedules.One(quantity: "-1"),
            "malformed" => Schedules.One()[..200],
            _ => Schedules.One().Replace("<ID>S-1</ID>", "<Identifier>S-1</Identifier>", StringComparison.Ordinal),
        };

        var result = store.Import(Schedules.Stream(bad));

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Problems);
        Assert.Same(active, store.Current);
        Assert.Equal(before, File.ReadAllBytes(store.FilePath));
        Assert.Equal([ScheduleStore.FileName], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Import_FiftyMegabytes_IsRefusedWithoutReadingItAll()
    {
        var store = new ScheduleStore(_folder, TestPlants.Automotive);
        var huge = new Schedules.Huge(50L * 1024 * 1024);

        var result = store.Import(huge);

        Assert.Equal(ScheduleProblemCode.DocumentTooLarge, Assert.Single(result.Problems).Code);
        Assert.Null(store.Current);
        Assert.False(File.Exists(store.FilePath));
        Assert.True(huge.BytesRead <= ScheduleImporter.DefaultMaxDocumentBytes + 128 * 1024, $"read {huge.BytesRead} bytes");
    }

    [Fact]
    public void Open_StoredScheduleTheChangedPlantNoLongerFits_IsNotActiveAndSaysWhy()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, ScheduleStore.FileName), Schedules.One(colour: "purple"));

        var store = new ScheduleStore(_folder, TestPlants.Automotive);

        Assert.Null(store.Current);
        Assert.Equal(ScheduleProblemCode.UnknownColour, Assert.Single(store.LoadResult!.Problems).Code);
    }
}
