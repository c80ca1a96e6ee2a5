using System.Text.Json;

namespace FactoryTwin.Cli.Tests.Commands;

public sealed class FitCommandTests : IDisposable
{
    // Two stations with known distributions, on day and late shifts (see TestPlants.FitPlant).
    private const string Plant = TestPlants.FitPlant;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ft-fit-" + Guid.NewGuid().ToString("N"));

    public FitCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Any seed: each of the 12 parameters lies in its interval and each true family passes its K–S test, jointly at
    /// about 99 % (the reported 95 % per check fails some seeds by design: 12 intervals and 8 tests at 5 % each).
    /// </summary>
    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(29)]
    public async Task Fit_SimulatedMonthInHistorian_RecoversEveryParameterWithinItsInterval(int seed)
    {
        var plant = Path.Combine(_folder, "plant.yaml");
        await File.WriteAllTextAsync(plant, Plant, TestContext.Current.CancellationToken);
        var data = Path.Combine(_folder, "data");

        var backfill = await CliRun.RunAsync("backfill", plant, "--data", data, "--duration", "30 d", "--origin", "2026-11-02T00:00:00Z", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(backfill.ExitCode == 0, backfill.Err);
        var (code, json, err) = await CliRun.RunAsync("fit", plant, "--data", data, "--from", "2026-11-02T00:00:00Z", "--to", "2026-12-02T00:00:00Z", "--output", "json");

        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(json);
        var stations = doc.RootElement.GetProperty("stations").EnumerateArray().ToDictionary(s => s.GetProperty("station").GetString()!);
        double sigmaA = Math.Sqrt(Math.Log(1 + (0.3 * 0.3)));
        double sigmaRepairA = Math.Sqrt(Math.Log(1 + (0.6 * 0.6)));
        AssertCovers(stations["station-a"].GetProperty("processing"), "lognormal", ("mu", Math.Log(45) - (sigmaA * sigmaA / 2)), ("sigma", sigmaA));
        AssertCovers(stations["station-a"].GetProperty("failures"), "exponential", ("mean", 3600));
        AssertCovers(stations["station-a"].GetProperty("repairs"), "lognormal", ("mu", Math.Log(300) - (sigmaRepairA * sigmaRepairA / 2)), ("sigma", sigmaRepairA));
        AssertCovers(stations["station-b"].GetProperty("processing"), "exponential", ("mean", 40));
        AssertCovers(stations["station-b"].GetProperty("failures"), "exponential", ("mean", 3 * 3600));
        AssertCovers(stations["station-b"].GetProperty("repairs"), "exponential", ("mean", 240));
        foreach (var variant in stations["station-a"].GetProperty("processingByVariant").EnumerateArray())
        {
            AssertCovers(variant.GetProperty("fit"), "lognormal", ("mu", Math.Log(45) - (sigmaA * sigmaA / 2)), ("sigma", sigmaA));
        }

        // Repairs still running at a shift end go on; times between failures still running at the end of the data are censored.
        Assert.Equal("calendar", stations["station-b"].GetProperty("basis").GetString());
        Assert.Equal(1, stations["station-a"].GetProperty("failures").GetProperty("censored").GetInt32());
        Assert.False(doc.RootElement.GetProperty("written").GetBoolean());
        Assert.Contains("processingTime", doc.RootElement.GetProperty("diff").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_Write_ReplacesDistributionsKeepsBackupAndTheFileStillLoads()
    {
        var plant = Path.Combine(_folder, "plant.yaml");
        await File.WriteAllTextAsync(plant, Plant, TestContext.Current.CancellationToken);
        var data = Path.Combine(_folder, "data");
        await CliRun.RunAsync("backfill", plant, "--data", data, "--duration", "7 d", "--origin", "2026-11-02T00:00:00Z");

        var (code, text, err) = await CliRun.RunAsync("fit", plant, "--data", data, "--from", "2026-11-02T00:00:00Z", "--to", "2026-11-09T00:00:00Z", "--write");

        Assert.True(code == 0, err);
        Assert.Contains("--- " + plant, text, StringComparison.Ordinal);
        Assert.Contains("Written", text, StringComparison.Ordinal);
        Assert.Equal(Plant, await File.ReadAllTextAsync(plant + ".bak", TestContext.Current.CancellationToken));
        var validate = await CliRun.RunAsync("validate", plant);
        Assert.True(validate.ExitCode == 0, validate.Out + validate.Err);
        Assert.NotEqual(Plant, await File.ReadAllTextAsync(plant, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Fit_NoHistorian_ExitsWithUsageNamingThePath()
    {
        var (code, _, err) = await CliRun.RunAsync("fit", CliRun.Sample("two-stations.yaml"), "--data", Path.Combine(_folder, "missing.duckdb"));

        Assert.Equal(2, code);
        Assert.Contains("no historian at", err, StringComparison.Ordinal);
        Assert.Contains("missing.duckdb", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_BadInstant_ExitsWithUsageExplainingTheFormat()
    {
        var (code, _, err) = await CliRun.RunAsync("fit", CliRun.Sample("two-stations.yaml"), "--data", _folder, "--from", "yesterday");

        Assert.Equal(2, code);
        Assert.Contains("'yesterday' is not a date and time", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_ToBeforeFrom_ExitsWithUsage()
    {
        var data = Path.Combine(_folder, "data");
        await CliRun.RunAsync("backfill", CliRun.Sample("two-stations.yaml"), "--data", data, "--duration", "1 h", "--origin", "2026-11-02T00:00:00Z");

        var (code, _, err) = await CliRun.RunAsync("fit", CliRun.Sample("two-stations.yaml"), "--data", data, "--from", "2026-11-03T00:00:00Z", "--to", "2026-11-02T00:00:00Z");

        Assert.Equal(2, code);
        Assert.Contains("must be after --from", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_BothDataAndPostgres_ExitsWithUsage()
    {
        var (code, _, err) = await CliRun.RunAsync("fit", CliRun.Sample("two-stations.yaml"), "--data", _folder, "--postgres", "Host=localhost");

        Assert.Equal(2, code);
        Assert.Contains("either --data", err, StringComparison.Ordinal);
    }

    /// <summary>Two-sided normal quantile of the Bonferroni level 0.001 / 12: each parameter's share of a 99.9 % joint level.</summary>
    private const double JointZ = 3.94;

    /// <summary>The 95 % Wald quantile the reported intervals use.</summary>
    private const double ReportedZ = 1.959963984540054;

    /// <summary>
    /// The K–S critical value at 0.1 % against the reported one at 5 %: 1.949 / 1.358 (Kolmogorov's asymptotic
    /// quantiles; the tables with estimated parameters scale about alike), so the 8 tests are jointly at 99.2 %.
    /// </summary>
    private const double KsSlack = 1.43;

    /// <summary>
    /// The true family's fit is not rejected at the joint level, and each true value lies in the reported 95 % Wald interval
    /// widened from z = 1.96 to <see cref="JointZ"/> (on the log scale for parameters fitted on it, where the interval is
    /// symmetric around the estimate in logarithms).
    /// </summary>
    private static void AssertCovers(JsonElement fit, string family, params (string Name, double Value)[] truth)
    {
        var candidate = fit.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("family").GetString() == family);
        double ks = candidate.GetProperty("ks").GetDouble(), critical = candidate.GetProperty("ksCritical").GetDouble();
        Assert.True(ks <= KsSlack * critical, $"{family} rejected: K–S {ks} > {KsSlack} × {critical}");
        foreach (var (name, value) in truth)
        {
            var p = candidate.GetProperty("parameters").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
            double estimate = p.GetProperty("estimate").GetDouble(), lower = p.GetProperty("lower").GetDouble(), upper = p.GetProperty("upper").GetDouble();
            bool logScale = lower > 0 && Math.Abs(Math.Log(upper / estimate) - Math.Log(estimate / lower)) < 1e-9 && Math.Abs((upper - estimate) - (estimate - lower)) > 1e-9 * estimate;
            double distance = logScale ? Math.Abs(Math.Log(value / estimate)) : Math.Abs(value - estimate);
            double halfWidth = logScale ? Math.Log(upper / estimate) : (upper - lower) / 2;
            Assert.True(distance <= halfWidth * JointZ / ReportedZ, $"{family} {name} = {value} is outside the joint interval around {estimate} (95 %: [{lower}, {upper}])");
        }
    }
}
