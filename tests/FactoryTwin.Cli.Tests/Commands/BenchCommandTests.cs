using System.Text.Json;

namespace FactoryTwin.Cli.Tests.Commands;

public sealed class BenchCommandTests
{
    [Fact]
    public async Task BenchDes_Text_PrintsEventsPerSecondAndRatio()
    {
        var (code, output, _) = await CliRun.RunAsync("bench", "des", "--hours", "1", "--replications", "2", "--rounds", "1");

        Assert.Equal(0, code);
        Assert.Contains("M events/s", output, StringComparison.Ordinal);
        Assert.Contains("ratio", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchDes_Json_IsOneDocumentWithBaselineAndRatio()
    {
        var (code, output, _) = await CliRun.RunAsync("bench", "des", "--hours", "1", "--replications", "2", "--rounds", "1", "--output", "json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("des", root.GetProperty("benchmark").GetString());
        Assert.True(root.GetProperty("events").GetInt64() > 0);
        Assert.True(root.GetProperty("eventsPerSecond").GetDouble() > 0);
        Assert.True(root.GetProperty("baseline").GetProperty("operations").GetInt64() == root.GetProperty("events").GetInt64());
        Assert.True(root.GetProperty("ratio").GetDouble() > 0);
        Assert.True(root.GetProperty("handWritten").GetProperty("seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("handWritten").GetProperty("ratio").GetDouble() > 0);
    }

    [Theory]
    [InlineData("--replications", "0")]
    [InlineData("--hours", "-2")]
    public async Task BenchDes_BadOption_ExitsTwo(string option, string value)
    {
        var (code, _, _) = await CliRun.RunAsync("bench", "des", option, value);

        Assert.Equal(2, code);
    }
}
