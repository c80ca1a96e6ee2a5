using System.Text.Json;

namespace FactoryTwin.Cli.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-cli-").FullName;

    [Fact]
    public async Task Validate_Automotive_ExitsZeroWithSummary()
    {
        var (code, output, _) = await CliRun.RunAsync("validate", CliRun.Sample("automotive.yaml"));

        Assert.Equal(0, code);
        Assert.Contains("is a valid plant", output, StringComparison.Ordinal);
        Assert.Contains("stations", output, StringComparison.Ordinal);
        Assert.Contains("capacity bottleneck", output, StringComparison.Ordinal);
        Assert.Contains("assembly", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_JsonOutput_IsOneDocumentWithCountsAndCapacity()
    {
        var (code, output, _) = await CliRun.RunAsync("validate", CliRun.Sample("automotive.yaml"), "--output", "json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        var summary = root.GetProperty("summary");
        Assert.Equal(22, summary.GetProperty("counts").GetProperty("stations").GetInt32());
        Assert.Equal(3, summary.GetProperty("lines").GetArrayLength());
        Assert.InRange(summary.GetProperty("capacityPerHour").GetDouble(), 60, 70);
        Assert.False(string.IsNullOrEmpty(summary.GetProperty("bottleneck").GetString()));
    }

    [Theory]
    [InlineData("capacity: 40, next: pretreatment", "capacity: 0, next: pretreatment")]
    [InlineData("setpoint: 200 degC", "setpoint: 200 mm")]
    [InlineData("next: eol-test", "next: eol-tset")]
    [InlineData("mix: 0.22", "mix: 1.22")]
    [InlineData("processingTime: 17 min", "processingTime: { dist: gamma, mean: 17 min }")]
    public async Task Validate_CorruptedSample_ExitsOneNamingTheCorruptedLine(string find, string replace)
    {
        var text = await File.ReadAllTextAsync(CliRun.Sample("automotive.yaml"), TestContext.Current.CancellationToken);
        var index = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0);
        var line = text[..index].Count(c => c == '\n') + 1;
        var path = Path.Combine(_dir, "corrupted.yaml");
        await File.WriteAllTextAsync(path, string.Concat(text.AsSpan(0, index), replace, text.AsSpan(index + find.Length)), TestContext.Current.CancellationToken);

        var (code, output, _) = await CliRun.RunAsync("validate", path, "--output", "json");

        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
        var lines = doc.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("line").GetInt32()).ToList();
        Assert.Contains(line, lines);
    }

    [Fact]
    public async Task Validate_InvalidPlant_PrintsFileLineColumn()
    {
        var path = Path.Combine(_dir, "bad.yaml");
        await File.WriteAllTextAsync(path, "apiVersion: factorytwin/v1\nsite:\n  id: x\n  nmae: X\n", TestContext.Current.CancellationToken);

        var (code, output, _) = await CliRun.RunAsync("validate", path);

        Assert.Equal(1, code);
        Assert.Contains($"{path}:4:3: error unknown-field", output, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'name'?", output, StringComparison.Ordinal);
        Assert.Contains("is invalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwo()
    {
        var (code, _, error) = await CliRun.RunAsync("validate", Path.Combine(_dir, "nope.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("frobnicate")]
    [InlineData("validate", "x.yaml", "--bogus")]
    [InlineData("validate", "x.yaml", "--output", "xml")]
    public async Task Run_BadCommandLine_ExitsTwoWithHint(params string[] args)
    {
        var (code, _, error) = await CliRun.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("factorytwin --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Help_ExitsZeroListingValidate()
    {
        var (code, output, _) = await CliRun.RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("validate", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
