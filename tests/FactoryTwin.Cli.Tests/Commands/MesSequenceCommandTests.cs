using System.Text.Json;

namespace FactoryTwin.Cli.Tests.Commands;

public sealed class MesSequenceCommandTests
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", "sequencing", name);

    [Fact]
    public async Task Sequence_DincbasCsplibJson_IsOptimalWithNoViolations()
    {
        var (code, stdout, stderr) = await CliRun.RunAsync("mes", "sequence", Sample("dincbas.txt"), "--csplib", "--time-limit", "20", "--output", "json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("optimal", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("result").GetProperty("hardViolations").GetInt32());
        Assert.True(json.RootElement.GetProperty("baseline").GetProperty("hardViolations").GetInt32() > 0);
        Assert.Equal(10, json.RootElement.GetProperty("sequence").GetArrayLength());
    }

    [Fact]
    public async Task Sequence_SampleDayWithRules_PrintsTheComparisonAndWritesTheSequence()
    {
        var output = Path.Combine(Path.GetTempPath(), $"ft-seq-{Guid.NewGuid():N}.csv");
        try
        {
            var (code, stdout, stderr) = await CliRun.RunAsync(
                "mes", "sequence", Sample("day.csv"), "--max-batch", "6", "--ratio", "sunroof=1/3", "--ratio", "towbar=2/5", "--hard", "due", "--time-limit", "3", "--write", output);

            Assert.True(code == 0, stderr);
            Assert.Contains("colour changes", stdout, StringComparison.Ordinal);
            Assert.Contains("sunroof 1/3 violations (hard)", stdout, StringComparison.Ordinal);
            Assert.Contains("Sequencing 48 bodies", stderr, StringComparison.Ordinal);
            var lines = File.ReadAllLines(output);
            Assert.Equal("position,id,colour,options,due", lines[0]);
            Assert.Equal(49, lines.Length);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Sequence_HardRatioThatCannotHold_ExitsOne()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ft-seq-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "id,colour,options\na,R,x\nb,R,x\nc,R,x\n", TestContext.Current.CancellationToken);
        try
        {
            var (code, _, stderr) = await CliRun.RunAsync("mes", "sequence", file, "--ratio", "x=1/2", "--time-limit", "5");

            Assert.Equal(1, code);
            Assert.Contains("No sequence keeps every hard rule", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Sequence_BadCsplibFile_NamesLineAndExitsOne()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ft-seq-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "3 1 1\n1\n2\n0 3 7\n", TestContext.Current.CancellationToken);
        try
        {
            var (code, _, stderr) = await CliRun.RunAsync("mes", "sequence", file, "--csplib");

            Assert.Equal(1, code);
            Assert.Contains(":4:", stderr, StringComparison.Ordinal);
            Assert.Contains("must be 0 or 1", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--ratio", "sunroof=3/2")]
    [InlineData("--max-batch", "0")]
    [InlineData("--time-limit", "0")]
    [InlineData("--soft", "paint")]
    public async Task Sequence_BadOption_ExitsTwo(string option, string value)
    {
        var (code, _, stderr) = await CliRun.RunAsync("mes", "sequence", Sample("day.csv"), option, value);

        Assert.Equal(2, code);
        Assert.Contains("error", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sequence_MissingFile_ExitsTwoAndSaysSo()
    {
        var (code, _, stderr) = await CliRun.RunAsync("mes", "sequence", "no-such-day.csv");

        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }
}
