using FactoryTwin.Mes.Performance;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Mes.Tests.Performance;

public sealed class CureVerdictFileTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ft-cure-" + Guid.NewGuid().ToString("N"));

    private static BodyQuality Verdict(string body, string verdict = "ok", double index = 0.25, int minute = 0) =>
        new(body, new AssetId("topcoat-oven"), verdict, index, "roof", Noon.AddMinutes(minute));

    [Fact]
    public void Append_ThenOpenedAgain_ReadsEveryBodysLastVerdictOldestFirst()
    {
        var store = new CureVerdictFile(_folder, 100);
        store.Append([Verdict("B-1", minute: 1), Verdict("B-2", "under-cured", -0.125, 2)]);
        store.Append([Verdict("B-3", minute: 3), Verdict("B-1", "over-baked", -0.5, 4)]);

        var reopened = new CureVerdictFile(_folder, 100);
        var read = reopened.Load();

        Assert.Equal(["B-1", "B-2", "B-3"], read.Select(v => v.PartId));
        Assert.Equal(Verdict("B-1", "over-baked", -0.5, 4), read[0]);
        Assert.Equal(Verdict("B-2", "under-cured", -0.125, 2), read[1]);
        Assert.Equal(new CureVerdictFile.LoadResult(0, null), reopened.Loaded);
    }

    [Fact]
    public void Load_NoFile_IsEmptyAndWritesNothing()
    {
        var store = new CureVerdictFile(_folder, 10);

        Assert.Empty(store.Load());
        Assert.False(Directory.Exists(_folder));
    }

    [Fact]
    public async Task Load_LineCutByACrashAndAHandEdit_SkipsThemNamingTheFirstAndKeepsTheRest()
    {
        var store = new CureVerdictFile(_folder, 100);
        store.Append([Verdict("B-1"), Verdict("B-2")]);
        var text = await File.ReadAllTextAsync(store.FilePath, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(store.FilePath, "{\"part\":\"B-0\"}\n" + text + "{\"part\":\"B-3\",\"oven\":\"topcoat-oven\",\"verd", TestContext.Current.CancellationToken);

        var reopened = new CureVerdictFile(_folder, 100);
        var read = reopened.Load();

        Assert.Equal(["B-1", "B-2"], read.Select(v => v.PartId));
        Assert.Equal(2, reopened.Loaded!.Skipped);
        Assert.StartsWith(store.FilePath + ":1: no 'oven'", reopened.Loaded.FirstSkipped, StringComparison.Ordinal);

        // What is appended after a cut line starts on a line of its own and is read.
        reopened.Append([Verdict("B-4")]);
        Assert.Equal(["B-1", "B-2", "B-4"], new CureVerdictFile(_folder, 100).Load().Select(v => v.PartId));
    }

    [Fact]
    public void Append_BeyondTwiceTheBodiesItKeeps_RewritesTheFileWithTheNewest()
    {
        var store = new CureVerdictFile(_folder, 3);
        for (int i = 1; i <= 7; i++)
        {
            store.Append([Verdict($"B-{i}", minute: i)]);
        }

        // The seventh line is more than twice three: the file is rewritten with bodies 5, 6 and 7.
        Assert.Equal(3, File.ReadAllLines(store.FilePath).Length);
        Assert.Equal(["B-5", "B-6", "B-7"], new CureVerdictFile(_folder, 3).Load().Select(v => v.PartId));
        Assert.Equal(["B-5", "B-6", "B-7"], store.Load().Select(v => v.PartId));
        Assert.False(File.Exists(store.FilePath + ".tmp"));
    }

    [Fact]
    public void Open_BadArguments_AreRefusedNamingThem()
    {
        Assert.Equal("capacity", Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new CureVerdictFile(_folder, 0)).ParamName);
        Assert.Equal("folder", Assert.ThrowsAny<ArgumentException>(() => new CureVerdictFile(" ", 1)).ParamName);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
