using FactoryTwin.Twin.Assets;
using FactoryTwin.Twin.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace FactoryTwin.Twin.Tests.Storage;

public sealed class FileGrainStorageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ft-grainstore-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(AssetTwinState).Assembly)).BuildServiceProvider();

    public void Dispose()
    {
        _services.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private FileGrainStorage NewStorage() => new(_folder, _services.GetRequiredService<Serializer>());

    private sealed class Holder<T> : IGrainState<T>
    {
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public T State { get; set; } = default!;

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }

    private static readonly GrainId Grain = GrainId.Create("assettwin", "ecoat-oven/z1");

    [Fact]
    public async Task WriteThenRead_NewInstance_RestoresStateAndVersion()
    {
        var state = new Holder<AssetTwinState> { State = new AssetTwinState { GoodTotal = 42, LastTelemetry = DateTimeOffset.UnixEpoch } };
        state.State.Measurements["z1"] = new MeasurementSlot { At = DateTimeOffset.UnixEpoch, Value = 456.85 };
        await NewStorage().WriteStateAsync("asset", Grain, state);
        Assert.Equal("1", state.ETag);

        var read = new Holder<AssetTwinState> { State = new AssetTwinState() };
        await NewStorage().ReadStateAsync("asset", Grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal("1", read.ETag);
        Assert.Equal(42, read.State.GoodTotal);
        Assert.Equal(456.85, read.State.Measurements["z1"].Value);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Read_NothingStored_ReportsNoRecord()
    {
        var read = new Holder<AssetTwinState> { State = new AssetTwinState() };
        await NewStorage().ReadStateAsync("asset", Grain, read);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task Write_StaleETag_ThrowsInconsistentState()
    {
        var storage = NewStorage();
        var first = new Holder<AssetTwinState> { State = new AssetTwinState() };
        await storage.WriteStateAsync("asset", Grain, first);
        var second = new Holder<AssetTwinState> { State = new AssetTwinState(), ETag = first.ETag };
        await storage.WriteStateAsync("asset", Grain, second);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("asset", Grain, first));
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_TruncatedFile_ThrowsNamingTheFile()
    {
        var storage = NewStorage();
        var state = new Holder<AssetTwinState> { State = new AssetTwinState() };
        await storage.WriteStateAsync("asset", Grain, state);
        var file = Assert.Single(Directory.GetFiles(_folder, "*.state", SearchOption.AllDirectories));
        await File.WriteAllBytesAsync(file, [1, 2, 3], TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => storage.ReadStateAsync("asset", Grain, new Holder<AssetTwinState>()));
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clear_AfterWrite_RemovesTheRecord()
    {
        var storage = NewStorage();
        var state = new Holder<AssetTwinState> { State = new AssetTwinState() };
        await storage.WriteStateAsync("asset", Grain, state);
        await storage.ClearStateAsync("asset", Grain, state);
        var read = new Holder<AssetTwinState> { State = new AssetTwinState() };
        await storage.ReadStateAsync("asset", Grain, read);
        Assert.False(read.RecordExists);
    }

    [Theory]
    [InlineData("assettwin/a b")]
    [InlineData("assettwin/../../etc")]
    [InlineData("assettwin/ä*?")]
    public void Sanitize_AnyId_StaysInsideOneFileName(string id)
    {
        var name = FileGrainStorage.Sanitize(id);
        Assert.DoesNotContain('/', name);
        Assert.DoesNotContain('*', name);
        Assert.DoesNotContain('?', name);
        Assert.Equal(id, Uri.UnescapeDataString(name));
    }
}
