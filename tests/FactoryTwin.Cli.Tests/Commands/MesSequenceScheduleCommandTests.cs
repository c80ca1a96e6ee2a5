using System.Globalization;
using System.Text.Json;
using FactoryTwin.TestSupport;

namespace FactoryTwin.Cli.Tests.Commands;

/// <summary><c>mes sequence --schedule/--active</c>: a B2MML schedule re-sequenced through the paint shop.</summary>
public sealed class MesSequenceScheduleCommandTests : IDisposable
{
    // The plant's paint line: an 8 h shift over a shift target of 415 bodies.
    private static readonly TimeSpan Takt = TimeSpan.FromSeconds(8 * 3600 / 415.0);

    private static readonly DateTimeOffset ShiftStart = new(2026, 12, 7, 6, 0, 0, TimeSpan.FromHours(1));

    // The sample's orders in schedule order: id, colour, quantity, due (local time of 7 December 2026).
    private static readonly (string Id, string Colour, int Quantity, string Due)[] SampleOrders =
    [
        ("LAK-1001", "white", 60, "08:30"), ("LAK-1002", "black", 40, "09:00"), ("LAK-1003", "silver", 50, "10:00"), ("LAK-1004", "grey", 35, "10:30"),
        ("LAK-1005", "blue", 30, "11:30"), ("LAK-1006", "red", 25, "12:00"), ("LAK-1007", "black", 60, "13:30"), ("LAK-1008", "white", 40, "14:00"),
    ];

    private readonly string _data = Directory.CreateTempSubdirectory("ft-cli-seq-").FullName;

    private static string SamplePath => Path.Combine(RepositoryPaths.Root(), "samples", "mes", "automotive-schedule.xml");

    private static string Plant => CliRun.Sample("automotive.yaml");

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Sequence_SampleScheduleWithHardDues_KeepsEveryRuleWithNoMoreColourChangesThanScheduleOrder()
    {
        var (code, stdout, stderr) = await CliRun.RunAsync(
            "mes", "sequence", "--schedule", SamplePath, "--plant", Plant, "--max-batch", "60", "--hard", "due", "--time-limit", "3", "--workers", "1", "--output", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("b2mml", root.GetProperty("format").GetString());
        Assert.Equal("LAK-2026-12-07-EARLY", root.GetProperty("schedule").GetProperty("id").GetString());
        Assert.Equal(Math.Round(Takt.TotalSeconds, 3), root.GetProperty("schedule").GetProperty("taktSeconds").GetDouble());
        var sequence = Rows(root);
        var fcfs = SampleOrders.SelectMany(o => Enumerable.Range(1, o.Quantity).Select(n => o.Id + "-" + n.ToString(CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(fcfs.Order(StringComparer.Ordinal), sequence.Select(b => b.Id).Order(StringComparer.Ordinal));

        // Recount the rules on the printed sequence rather than trusting the report.
        var dues = SampleOrders.ToDictionary(o => o.Id, o => (int)Math.Floor((At(o.Due) - ShiftStart) / Takt));
        Assert.All(sequence, b => Assert.Equal(dues[OrderOf(b.Id)], b.Due));
        Assert.All(sequence, b => Assert.True(b.Position <= b.Due, $"{b.Id} at {b.Position} is due by {b.Due}."));
        Assert.True(LongestRun(sequence.Select(b => b.Colour).ToList()) <= 60);
        var changes = Changes(sequence.Select(b => b.Colour).ToList());
        var baselineChanges = Changes([.. SampleOrders.SelectMany(o => Enumerable.Repeat(o.Colour, o.Quantity))]);
        Assert.Equal(changes, root.GetProperty("result").GetProperty("colourChanges").GetInt32());
        Assert.Equal(baselineChanges, root.GetProperty("baseline").GetProperty("colourChanges").GetInt32());
        Assert.True(changes <= baselineChanges);
        Assert.Equal(0, root.GetProperty("result").GetProperty("hardViolations").GetInt32());
    }

    [Fact]
    public async Task Sequence_SoftRatio_CountsTheSameViolationsAsARecountAndCostsNoMoreThanScheduleOrder()
    {
        var (code, stdout, stderr) = await CliRun.RunAsync(
            "mes", "sequence", "--schedule", SamplePath, "--plant", Plant, "--ratio", "sunroof=1/2", "--soft", "sunroof", "--time-limit", "3", "--workers", "1", "--output", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var sunroof = Rows(root).Select(b => b.Options.Contains("sunroof")).ToList();
        var over = 0;
        for (var start = 0; start + 2 <= sunroof.Count; start++)
        {
            over += Math.Max(0, sunroof.Skip(start).Take(2).Count(s => s) - 1);
        }

        var reported = root.GetProperty("result").GetProperty("options").EnumerateArray().Single();
        Assert.Equal("sunroof", reported.GetProperty("option").GetString());
        Assert.Equal(over, reported.GetProperty("violations").GetInt32());
        Assert.Equal(0, root.GetProperty("result").GetProperty("hardViolations").GetInt32());
        Assert.True(root.GetProperty("result").GetProperty("cost").GetInt64() <= root.GetProperty("baseline").GetProperty("cost").GetInt64());
    }

    [Fact]
    public async Task Sequence_ActiveSchedule_SequencesTheDataFoldersSchedule()
    {
        var (imported, _, _) = await CliRun.RunAsync("mes", "import", SamplePath, "--plant", Plant, "--data-folder", _data);
        Assert.Equal(0, imported);

        var (code, stdout, stderr) = await CliRun.RunAsync(
            "mes", "sequence", "--active", "--plant", Plant, "--data-folder", _data, "--takt", "60", "--time-limit", "2", "--workers", "1");

        Assert.True(code == 0, stderr);
        Assert.Contains("Schedule 'LAK-2026-12-07-EARLY': 8 orders, 340 bodies", stdout, StringComparison.Ordinal);
        Assert.Contains("one body every 60 s (--takt)", stdout, StringComparison.Ordinal);
        Assert.Contains("colour changes", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sequence_NoActiveSchedule_ExitsOneAndSaysHowToImportOne()
    {
        var (code, _, stderr) = await CliRun.RunAsync("mes", "sequence", "--active", "--plant", Plant, "--data-folder", _data);

        Assert.Equal(1, code);
        Assert.Contains("has no active schedule", stderr, StringComparison.Ordinal);
        Assert.Contains("factorytwin mes import", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sequence_MissingScheduleFile_ExitsTwo()
    {
        var (code, _, stderr) = await CliRun.RunAsync("mes", "sequence", "--schedule", Path.Combine(_data, "none.xml"), "--plant", Plant);

        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sequence_SchemaInvalidSchedule_NamesLineAndPositionAndExitsOne()
    {
        var bad = Path.Combine(_data, "bad.xml");
        var text = await File.ReadAllTextAsync(SamplePath, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(bad, text.Replace("<ID>LAK-2026-12-07-EARLY</ID>", "<ID>LAK-2026-12-07-EARLY</ID><Oops/>", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var (code, _, stderr) = await CliRun.RunAsync("mes", "sequence", "--schedule", bad, "--plant", Plant);

        Assert.Equal(1, code);
        Assert.Matches(@"bad\.xml:6:\d+: error schema-violation: ", stderr);
        Assert.Contains("Nothing was sequenced", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--active", "--schedule", "x.xml")]
    [InlineData("--active", "--csplib")]
    [InlineData("--active", "--takt", "0")]
    public async Task Sequence_ConflictingOrBadScheduleOptions_ExitsTwo(params string[] args)
    {
        var (code, _, stderr) = await CliRun.RunAsync(["mes", "sequence", .. args, "--plant", Plant, "--data-folder", _data]);

        Assert.Equal(2, code);
        Assert.Contains("error", stderr, StringComparison.OrdinalIgnoreCase);
    }

    private static DateTimeOffset At(string time) => new(ShiftStart.Date + TimeOnly.Parse(time, CultureInfo.InvariantCulture).ToTimeSpan(), ShiftStart.Offset);

    private static string OrderOf(string bodyId) => bodyId[..bodyId.LastIndexOf('-')];

    private static List<Row> Rows(JsonElement root) =>
        [.. root.GetProperty("sequence").EnumerateArray().Select(e => new Row(
            e.GetProperty("position").GetInt32(),
            e.GetProperty("id").GetString()!,
            e.GetProperty("colour").GetString()!,
            [.. e.GetProperty("options").EnumerateArray().Select(o => o.GetString()!)],
            e.GetProperty("due").GetInt32()))];

    private static int Changes(List<string> colours) => Enumerable.Range(1, colours.Count - 1).Count(i => colours[i] != colours[i - 1]);

    private static int LongestRun(List<string> colours)
    {
        int longest = 0, run = 0;
        for (var i = 0; i < colours.Count; i++)
        {
            run = i > 0 && colours[i] == colours[i - 1] ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private sealed record Row(int Position, string Id, string Colour, IReadOnlyList<string> Options, int Due);
}
