using System.Text.Json;

namespace FactoryTwin.Cli.Tests.Commands;

public sealed class ForecastCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-forecast-").FullName;

    [Fact]
    public async Task Forecast_Automotive_PrintsOutputTableWithTargetsAndBottleneck()
    {
        var (code, output, err) = await CliRun.RunAsync("forecast", CliRun.Sample("automotive.yaml"), "--at", "18:00", "--replications", "20");

        Assert.Equal(0, code);
        Assert.Contains("at Tue 18:00 to the shift end at 22:00", output, StringComparison.Ordinal);
        Assert.Contains("90 % interval", output, StringComparison.Ordinal);
        Assert.Contains("P(target)", output, StringComparison.Ordinal);
        Assert.Contains("assembly", output, StringComparison.Ordinal);
        Assert.Contains("Plant bottleneck (active-period method)", output, StringComparison.Ordinal);
        Assert.Contains("forecast: 20/20 replications", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_JsonOutput_IsOneDocumentWithIntervalsAndFan()
    {
        var (code, output, _) = await CliRun.RunAsync("forecast", CliRun.Sample("automotive.yaml"), "--at", "10:00", "-n", "20", "--target", "300", "--output", "json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(20, root.GetProperty("replications").GetInt32());
        var plant = root.GetProperty("output");
        Assert.Equal(300, plant.GetProperty("target").GetInt32());
        Assert.True(plant.GetProperty("lower").GetDouble() <= plant.GetProperty("expected").GetDouble());
        Assert.True(plant.GetProperty("expected").GetDouble() <= plant.GetProperty("upper").GetDouble());
        Assert.Equal(17, plant.GetProperty("fan").GetArrayLength()); // 10:00 to 14:00 every 15 min, and the start
        Assert.Equal(3, root.GetProperty("lines").GetArrayLength());
        Assert.Equal(DateTimeOffset.Parse("2026-06-02T14:00:00+02:00", System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("end").GetDateTimeOffset());
    }

    [Fact]
    public async Task Forecast_Plot_WritesAPng()
    {
        var path = Path.Combine(_dir, "fan.png");

        var (code, _, err) = await CliRun.RunAsync("forecast", CliRun.Sample("automotive.yaml"), "-n", "10", "--plot", path);

        Assert.Equal(0, code);
        Assert.Contains($"wrote {path}", err, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    [Theory]
    [InlineData("--at", "25:00", "'25:00' is not a time of day")]
    [InlineData("--at", "noon", "'noon' is not a time of day")]
    [InlineData("--replications", "0", "--replications must be a whole number of at least 1")]
    [InlineData("--target", "-5", "--target must be a whole number of at least 0")]
    [InlineData("--output", "csv", "'csv' is not an output format; use text or json")]
    public async Task Forecast_BadOption_ExitsWithUsageAndNamesIt(string option, string value, string message)
    {
        var (code, _, err) = await CliRun.RunAsync("forecast", CliRun.Sample("automotive.yaml"), option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_TimeBetweenShifts_ExitsWithUsageNamingTheNextShift()
    {
        var (code, _, err) = await CliRun.RunAsync("forecast", CliRun.Sample("automotive.yaml"), "--at", "23:00", "-n", "5");

        Assert.Equal(2, code);
        Assert.Contains("--at 23:00 lies between shifts; the next shift starts at 06:00", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_MissingFile_ExitsWithUsage()
    {
        var (code, _, err) = await CliRun.RunAsync("forecast", Path.Combine(_dir, "nope.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("does not exist", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_InvalidPlant_ExitsWithInvalidAndListsErrors()
    {
        var path = Path.Combine(_dir, "bad.yaml");
        await File.WriteAllTextAsync(path, "apiVersion: factorytwin/v1\nsite: { id: x }\n", TestContext.Current.CancellationToken);

        var (code, output, _) = await CliRun.RunAsync("forecast", path);

        Assert.Equal(1, code);
        Assert.Contains("is invalid", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
