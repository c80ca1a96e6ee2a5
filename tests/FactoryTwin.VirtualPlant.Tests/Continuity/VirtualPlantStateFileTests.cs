using System.Collections.Immutable;
using FactoryTwin.VirtualPlant.Continuity;

namespace FactoryTwin.VirtualPlant.Tests.Continuity;

public sealed class VirtualPlantStateFileTests : IDisposable
{
    private static readonly VirtualPlantState Sample = new(
        new DateTimeOffset(2026, 11, 23, 8, 12, 34, TimeSpan.Zero).AddTicks(5_678_901),
        Clean: true,
        ClockSpeed: 60,
        SaveInterval: TimeSpan.FromSeconds(2.5),
        [new GatewaySequence("gw-body", 1234, 210), new GatewaySequence("gw-paint", 0, 0)]);

    private readonly string _folder = Directory.CreateTempSubdirectory("ft-vp-state-").FullName;

    private string StatePath => Path.Combine(_folder, "virtual-plant-state.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Save_ThenLoad_RoundTripsEveryField()
    {
        VirtualPlantStateFile.Save(StatePath, Sample);

        var loaded = VirtualPlantStateFile.Load(StatePath);

        Assert.Null(loaded.Problem);
        Assert.False(loaded.Missing);
        var state = Assert.IsType<VirtualPlantState>(loaded.State);
        Assert.Equal(Sample.PlantTime, state.PlantTime);
        Assert.Equal(Sample.PlantTime.UtcTicks, state.PlantTime.UtcTicks);
        Assert.True(state.Clean);
        Assert.Equal(60, state.ClockSpeed);
        Assert.Equal(TimeSpan.FromSeconds(2.5), state.SaveInterval);
        Assert.Equal(Sample.Gateways.AsEnumerable(), state.Gateways.AsEnumerable());
    }

    [Fact]
    public void Save_OverAnExistingFile_ReplacesItAndLeavesNoTemporaryFile()
    {
        VirtualPlantStateFile.Save(StatePath, Sample);

        VirtualPlantStateFile.Save(StatePath, Sample with { Clean = false, Gateways = [new GatewaySequence("gw-body", 99, 1)] });

        var state = VirtualPlantStateFile.Load(StatePath).State!;
        Assert.False(state.Clean);
        Assert.Equal(99, Assert.Single(state.Gateways).NextSeq);
        Assert.Equal([StatePath], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Load_AfterAWriteThatDiedBeforeTheRename_ReturnsThePreviousState()
    {
        VirtualPlantStateFile.Save(StatePath, Sample);

        // A crash while writing leaves a torn temporary file; the state file is the previous complete one.
        File.WriteAllText(StatePath + VirtualPlantStateFile.TempSuffix, "{\"version\":1,\"plantTi");

        var loaded = VirtualPlantStateFile.Load(StatePath);
        Assert.Null(loaded.Problem);
        Assert.Equal(1234, loaded.State!.NextSeqAfterRestart("gw-body"));

        // The next write goes through the same temporary file and replaces both.
        VirtualPlantStateFile.Save(StatePath, Sample with { Clean = false });
        Assert.False(VirtualPlantStateFile.Load(StatePath).State!.Clean);
        Assert.False(File.Exists(StatePath + VirtualPlantStateFile.TempSuffix));
    }

    [Fact]
    public void Save_MissingFolder_CreatesIt()
    {
        var path = Path.Combine(_folder, "new", "data", "state.json");

        VirtualPlantStateFile.Save(path, Sample);

        Assert.NotNull(VirtualPlantStateFile.Load(path).State);
    }

    [Fact]
    public void Load_MissingFile_ReportsMissingWithoutAProblem()
    {
        var loaded = VirtualPlantStateFile.Load(StatePath);

        Assert.True(loaded.Missing);
        Assert.Null(loaded.State);
        Assert.Null(loaded.Problem);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"version\":1,\"plantTime\":\"2026-11-23T08:", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"version\":2}", "version 2")]
    [InlineData("{\"version\":1,\"plantTime\":\"yesterday\"}", "'plantTime'")]
    [InlineData("{\"version\":1,\"plantTime\":\"2026-11-23T08:00:00Z\",\"clean\":\"yes\"}", "'clean'")]
    [InlineData("{\"version\":1,\"plantTime\":\"2026-11-23T08:00:00Z\",\"clean\":true,\"clockSpeed\":0,\"saveIntervalSeconds\":2,\"gateways\":[]}", "'clockSpeed'")]
    [InlineData("{\"version\":1,\"plantTime\":\"2026-11-23T08:00:00Z\",\"clean\":true,\"clockSpeed\":60,\"saveIntervalSeconds\":-1,\"gateways\":[]}", "'saveIntervalSeconds'")]
    [InlineData("{\"version\":1,\"plantTime\":\"2026-11-23T08:00:00Z\",\"clean\":true,\"clockSpeed\":60,\"saveIntervalSeconds\":2}", "'gateways'")]
    [InlineData("{\"version\":1,\"plantTime\":\"2026-11-23T08:00:00Z\",\"clean\":true,\"clockSpeed\":60,\"saveIntervalSeconds\":2,\"gateways\":[{\"id\":\"gw\",\"nextSeq\":-5,\"peakPerSave\":0}]}", "gateway entry 1")]
    [InlineData("{\"version\":1,\"plantTime\":\"2026-11-23T08:00:00Z\",\"clean\":true,\"clockSpeed\":60,\"saveIntervalSeconds\":2,\"gateways\":[{\"id\":\"gw\",\"nextSeq\":1,\"peakPerSave\":0},{\"id\":\"gw\",\"nextSeq\":2,\"peakPerSave\":0}]}", "listed twice")]
    public void Load_InvalidContent_ReportsTheProblemWithoutThrowing(string content, string expected)
    {
        File.WriteAllText(StatePath, content);

        var loaded = VirtualPlantStateFile.Load(StatePath);

        Assert.Null(loaded.State);
        Assert.False(loaded.Missing);
        Assert.Contains(expected, loaded.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrittenFile_IsPlainJsonWithInvariantNumbers()
    {
        VirtualPlantStateFile.Save(StatePath, Sample with { ClockSpeed = 12.5 });

        var text = File.ReadAllText(StatePath);

        Assert.Contains("\"clockSpeed\": 12.5", text, StringComparison.Ordinal);
        Assert.Contains("\"plantTime\": \"2026-11-23T08:12:34.5678901+00:00\"", text, StringComparison.Ordinal);
        Assert.Equal(ImmutableArray.Create("gw-body", "gw-paint").AsEnumerable(), VirtualPlantStateFile.Load(StatePath).State!.Gateways.Select(g => g.Gateway));
    }
}
