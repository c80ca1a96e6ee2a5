using System.Text.Json;

namespace FactoryTwin.Cli.Tests;

/// <summary>What every verb has in common: with <c>--output json</c> standard output is one JSON document, errors included.</summary>
public sealed class CliAppTests : IDisposable
{
    private const string InvalidPlant = """
        apiVersion: factorytwin/v1
        site: { id: x }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-cliapp-").FullName;

    [Theory]
    [InlineData("validate {missing} --output json")]
    [InlineData("simulate {missing} --output json")]
    [InlineData("forecast {missing} -o json")]
    [InlineData("thermal {missing} --output=json")]
    [InlineData("oven predict {missing} --output json")]
    [InlineData("oven calibrate {missing} --profile p.csv --map T1=roof --output json")]
    [InlineData("oven optimize {missing} --output json")]
    [InlineData("emulate {missing} --output json")]
    [InlineData("validate --output json")]
    [InlineData("bench des --rounds x --output json")]
    [InlineData("simulate {automotive} --replications x --output json")]
    [InlineData("forecast {automotive} --seed x --output json")]
    [InlineData("emulate {automotive} --buffer x --output json")]
    [InlineData("oven optimize {automotive} --oven topcoat-oven --margin x --output json")]
    [InlineData("bench thermal --size 1 --output json")]
    [InlineData("simulate {automotive} --duration 8 --output json")]
    [InlineData("oven predict {automotive} --output json")]
    [InlineData("forecast {automotive} --at 03:00 --output json")]
    [InlineData("emulate {automotive} --speed 0 --output json")]
    public async Task Run_JsonOutputAndUsageError_PrintsJsonErrorWithExitCode2(string commandLine)
    {
        var (code, output, error) = await CliRun.RunAsync(Arguments(commandLine));

        Assert.Equal(2, code);
        AssertJsonError(output, 2);
        Assert.Contains("error: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bench des --hours abc")]
    [InlineData("bench des --replications x")]
    [InlineData("bench des --rounds x")]
    [InlineData("bench thermal --size x")]
    [InlineData("bench thermal --steps x")]
    [InlineData("oven optimize {automotive} --oven topcoat-oven --margin x")]
    [InlineData("oven optimize {automotive} --oven topcoat-oven --range x")]
    public async Task Run_NumberOptionThatIsNotANumber_IsAUsageError(string commandLine)
    {
        var (code, _, error) = await CliRun.RunAsync(Arguments(commandLine));

        Assert.Equal(2, code);
        Assert.Contains("Cannot parse argument", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("forecast")]
    [InlineData("emulate")]
    public async Task Run_JsonOutputAndInvalidPlant_PrintsJsonErrorWithExitCode1(string verb)
    {
        var path = Path.Combine(_dir, "invalid.yaml");
        await File.WriteAllTextAsync(path, InvalidPlant, TestContext.Current.CancellationToken);

        var (code, output, _) = await CliRun.RunAsync(verb, path, "--output", "json");

        Assert.Equal(1, code);
        var message = AssertJsonError(output, 1);
        Assert.Contains("invalid.yaml", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JsonOutputAndInvalidPlantInValidate_PrintsTheValidationReport()
    {
        var path = Path.Combine(_dir, "invalid.yaml");
        await File.WriteAllTextAsync(path, InvalidPlant, TestContext.Current.CancellationToken);

        var (code, output, _) = await CliRun.RunAsync("validate", path, "--output", "json");

        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.False(doc.RootElement.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Run_TextOutputAndMissingFile_PrintsNothingOnStandardOutput()
    {
        var (code, output, error) = await CliRun.RunAsync("validate", Path.Combine(_dir, "missing.yaml"));

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("error: plant file ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SettingsWithoutVerb_AreServeSettings()
    {
        // Parsed as serve's settings: a stray word after them is serve's usage error, not an unknown verb.
        var (code, _, error) = await CliRun.RunAsync("--Server:Port=47443", "bogus");

        Assert.Equal(2, code);
        Assert.Contains("'bogus' is not a setting", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
    }

    private static string AssertJsonError(string output, int exitCode)
    {
        using var doc = JsonDocument.Parse(output);
        var message = doc.RootElement.GetProperty("error").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.DoesNotContain("error: ", message, StringComparison.Ordinal);
        Assert.Equal(exitCode, doc.RootElement.GetProperty("exitCode").GetInt32());
        return message!;
    }

    private string[] Arguments(string commandLine) =>
    [
        .. commandLine.Split(' ').Select(a => a
            .Replace("{missing}", Path.Combine(_dir, "missing.yaml"), StringComparison.Ordinal)
            .Replace("{automotive}", CliRun.Sample("automotive.yaml"), StringComparison.Ordinal)),
    ];
}
