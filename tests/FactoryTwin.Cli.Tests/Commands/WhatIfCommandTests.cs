using System.Text.Json;

namespace FactoryTwin.Cli.Tests.Commands;

public sealed class WhatIfCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-whatif-").FullName;

    [Fact]
    public async Task WhatIf_TwoScenarios_PrintsOneTableWithAColumnEach()
    {
        var bigger = Write("bigger.yaml", "name: bigger buffer\nchanges:\n  - buffer: buffer-ab\n    capacity: 10\n");
        var same = Write("same.yaml", "name: same\nchanges:\n  - buffer: buffer-ab\n    capacity: 5\n");

        var (code, output, err) = await CliRun.RunAsync("whatif", CliRun.Sample("two-stations.yaml"), bigger, same, "-n", "20");

        Assert.Equal(0, code);
        Assert.Contains("bigger buffer", output, StringComparison.Ordinal);
        Assert.Contains("buffer buffer-ab: capacity 5 → 10", output, StringComparison.Ordinal);
        Assert.Contains("Plant throughput [jobs/h]", output, StringComparison.Ordinal);
        Assert.Contains("Variance reduction", output, StringComparison.Ordinal);
        Assert.Contains("whatif: 60/60 replications", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_JsonOutput_HasEveryKpiDifference()
    {
        var same = Write("same.yaml", "changes:\n  - buffer: buffer-ab\n    capacity: 5\n");

        var (code, output, _) = await CliRun.RunAsync("whatif", CliRun.Sample("two-stations.yaml"), same, "-n", "10", "--output", "json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var scenario = doc.RootElement.GetProperty("scenarios")[0];
        Assert.Equal("same", scenario.GetProperty("name").GetString());
        var differences = scenario.GetProperty("differences");
        Assert.Equal(doc.RootElement.GetProperty("kpis").GetArrayLength(), differences.GetArrayLength());
        Assert.All(differences.EnumerateArray(), d => Assert.Equal(0.0, d.GetProperty("difference").GetDouble()));
    }

    [Fact]
    public async Task WhatIf_InvalidScenario_PrintsFileLineColumnAndExitsOne()
    {
        var bad = Write("bad.yaml", "changes:\n  - buffer: buffer-xy\n    capacity: 10\n");

        var (code, output, err) = await CliRun.RunAsync("whatif", CliRun.Sample("two-stations.yaml"), bad);

        Assert.Equal(1, code);
        Assert.Contains($"{bad}:4:13: error unknown-reference", output, StringComparison.Ordinal);
        Assert.Contains("is invalid: 1 error(s)", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_MissingScenarioFile_IsAUsageError()
    {
        var (code, _, err) = await CliRun.RunAsync("whatif", CliRun.Sample("two-stations.yaml"), Path.Combine(_dir, "none.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("does not exist", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_NoScenario_IsAUsageError()
    {
        var (code, _, err) = await CliRun.RunAsync("whatif", CliRun.Sample("two-stations.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("scenarios", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptimizeBuffers_Budget_PrintsTheAllocationAndEvaluations()
    {
        var (code, output, _) = await CliRun.RunAsync("optimize", "buffers", CliRun.Sample("two-stations.yaml"), "--budget", "4", "--duration", "2h", "--max-replications", "20", "--output", "json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(4, root.GetProperty("total").GetInt32());
        Assert.Equal("buffer-ab", root.GetProperty("allocation")[0].GetProperty("buffer").GetString());
        Assert.True(root.GetProperty("evaluations").GetInt32() >= 1);
        Assert.True(root.GetProperty("halfWidth").GetDouble() > 0);
    }

    [Fact]
    public async Task OptimizeBuffers_NeitherBudgetNorTarget_ExitsOneWithAClearMessage()
    {
        var (code, _, err) = await CliRun.RunAsync("optimize", "buffers", CliRun.Sample("two-stations.yaml"));

        Assert.Equal(1, code);
        Assert.Contains("error: Give either a budget", err, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptimizeBuffers_BadNumber_IsAUsageError()
    {
        var (code, _, err) = await CliRun.RunAsync("optimize", "buffers", CliRun.Sample("two-stations.yaml"), "--budget", "4", "--replications", "1");

        Assert.Equal(2, code);
        Assert.Contains("--replications must be a whole number of at least 2", err, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string body)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "apiVersion: factorytwin/v1\nkind: WhatIf\n" + body);
        return path;
    }
}
