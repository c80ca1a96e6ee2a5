using System.Text.Json;

namespace FactoryTwin.Cli.Tests.Commands;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-simulate-").FullName;

    [Fact]
    public async Task Simulate_TwoStations_PrintsKpiTablesAndBottleneck()
    {
        var (code, output, err) = await CliRun.RunAsync("simulate", CliRun.Sample("two-stations.yaml"), "--duration", "2h", "--replications", "3", "--warmup", "10 min");

        Assert.Equal(0, code);
        Assert.Contains("throughput (jobs/h)", output, StringComparison.Ordinal);
        Assert.Contains("lead time p90 (min)", output, StringComparison.Ordinal);
        Assert.Contains("WIP (jobs)", output, StringComparison.Ordinal);
        Assert.Contains("station-b", output, StringComparison.Ordinal);
        Assert.Contains("Bottleneck (active-period method)", output, StringComparison.Ordinal);
        Assert.Contains("simulate: 3/3 replications", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_JsonOutput_IsOneDocumentWithLinesAndStations()
    {
        var (code, output, _) = await CliRun.RunAsync("simulate", CliRun.Sample("automotive.yaml"), "--duration", "2h", "--replications", "2", "--warmup", "0 s", "--output", "json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("replications").GetInt32());
        Assert.Equal("Monday 06:00", root.GetProperty("start").GetString());
        Assert.True(root.GetProperty("throughputPerHour").GetProperty("mean").GetDouble() >= 0);
        Assert.Equal(3, root.GetProperty("lines").GetArrayLength());
        var stations = root.GetProperty("lines").EnumerateArray().SelectMany(l => l.GetProperty("stations").EnumerateArray()).ToList();
        Assert.Equal(22, stations.Count);
        foreach (var s in stations)
        {
            double sum = new[] { "working", "settingUp", "blocked", "starved", "down", "offShift" }.Sum(k => s.GetProperty(k).GetProperty("mean").GetDouble());
            Assert.Equal(1, sum, 9);
        }

        Assert.Equal(JsonValueKind.Object, root.GetProperty("bottleneck").ValueKind);
    }

    [Fact]
    public async Task Simulate_CsvOutput_HasHeaderAndOneRowPerKpi()
    {
        var (code, output, _) = await CliRun.RunAsync("simulate", CliRun.Sample("two-stations.yaml"), "--duration", "1h", "--replications", "2", "--output", "csv");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("scope,line,name,kpi,mean,lower,upper,n", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("plant,,demo,throughput_per_hour,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("station,line1,station-b,oee,", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Equal(8, l.Split(',').Length));
        Assert.Equal(5 + 3 + (2 * 10), lines.Length - 1);
    }

    [Fact]
    public async Task Simulate_Plot_WritesTwoPngFiles()
    {
        var path = Path.Combine(_dir, "out.png");

        var (code, _, _) = await CliRun.RunAsync("simulate", CliRun.Sample("two-stations.yaml"), "--duration", "3h", "--replications", "2", "--plot", path);

        Assert.Equal(0, code);
        foreach (var file in new[] { path, Path.Combine(_dir, "out-states.png") })
        {
            var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
            Assert.True(bytes.Length > 1000);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        }
    }

    [Theory]
    [InlineData("--duration", "8 parsecs")]
    [InlineData("--duration", "8")]
    [InlineData("--duration", "-1 h")]
    [InlineData("--replications", "0")]
    [InlineData("--replications", "many")]
    [InlineData("--warmup", "soon")]
    [InlineData("--output", "xml")]
    public async Task Simulate_BadOptionValue_ExitsTwoWithMessage(string option, string value)
    {
        var (code, _, err) = await CliRun.RunAsync("simulate", CliRun.Sample("two-stations.yaml"), option, value);

        Assert.Equal(2, code);
        Assert.Contains(value, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_MissingFile_ExitsTwo()
    {
        var (code, _, err) = await CliRun.RunAsync("simulate", Path.Combine(_dir, "nope.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("does not exist", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_InvalidPlant_PrintsDiagnosticsAndExitsOne()
    {
        var text = await File.ReadAllTextAsync(CliRun.Sample("two-stations.yaml"), TestContext.Current.CancellationToken);
        var path = Path.Combine(_dir, "broken.yaml");
        await File.WriteAllTextAsync(path, text.Replace("next: station-b", "next: station-c", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var (code, output, _) = await CliRun.RunAsync("simulate", path, "--replications", "1");

        Assert.Equal(1, code);
        Assert.Contains("broken.yaml:", output, StringComparison.Ordinal);
        Assert.Contains("is invalid", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
