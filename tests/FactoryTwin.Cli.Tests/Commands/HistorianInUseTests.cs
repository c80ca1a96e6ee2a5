using DuckDB.NET.Data;
using FactoryTwin.Historian;
using FactoryTwin.TestSupport;

namespace FactoryTwin.Cli.Tests.Commands;

/// <summary>
/// The verbs that read or write the embedded historian, run as the built <c>factorytwin</c> while another process (here
/// the test, as a running server would) holds the DuckDB file: a clear error that names the holder and what to do, exit
/// code 1, no stack trace, and the file untouched.
/// </summary>
public sealed class HistorianInUseTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("ft-cli-in-use-").FullName;

    private static string Plant => CliRun.Sample("automotive.yaml");

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Fit_WhileAnotherProcessHoldsTheHistorian_NamesItAndSaysWhatToDo_ExitsOne()
    {
        using var holder = Hold();

        var (code, stdout, stderr) = await RunBuiltCliAsync("fit", Plant, "--data", Path.Combine(_data, HistorianOptions.DefaultFileName));

        AssertInUseError(code, stderr);
        Assert.Contains("POST /api/v1/fit", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Stations", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MesExport_WhileAnotherProcessHoldsTheHistorian_PointsToTheServersExport_ExitsOne()
    {
        var schedule = Path.Combine(RepositoryPaths.Root(), "samples", "mes", "automotive-schedule.xml");
        Assert.Equal(0, (await CliRun.RunAsync("mes", "import", schedule, "--plant", Plant, "--data-folder", _data)).ExitCode);
        using var holder = Hold();

        var (code, _, stderr) = await RunBuiltCliAsync("mes", "export", "--shift", "2026-12-07/early", "--now", "2026-12-07T15:00:00+01:00", "--plant", Plant, "--data-folder", _data);

        AssertInUseError(code, stderr);
        Assert.Contains("GET /api/v1/mes/performance", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backfill_WhileAnotherProcessHoldsTheHistorian_WritesNothingAndExitsOne()
    {
        using var holder = Hold();

        var (code, _, stderr) = await RunBuiltCliAsync("backfill", Plant, "--data", _data, "--duration", "1h");

        AssertInUseError(code, stderr);
        using var count = holder.CreateCommand();
        count.CommandText = "SELECT count(*) FROM information_schema.tables";
        Assert.Equal(0L, Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Opens the data folder's historian file in this process, as a running server holds it.</summary>
    private DuckDBConnection Hold()
    {
        var connection = new DuckDBConnection("Data Source=" + Path.Combine(_data, HistorianOptions.DefaultFileName));
        connection.Open();
        return connection;
    }

    private void AssertInUseError(int code, string stderr)
    {
        Assert.True(code == 1, $"exit code {code}; standard error: {stderr}");
        Assert.Contains("error: The historian " + Path.Combine(_data, HistorianOptions.DefaultFileName), stderr, StringComparison.Ordinal);
        if (OperatingSystem.IsLinux())
        {
            Assert.Contains($"in use by process {Environment.ProcessId} (", stderr, StringComparison.Ordinal);
        }

        Assert.Contains("Stop that server first", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
    }

    /// <summary>Runs the built CLI (artifacts/bin/FactoryTwin.Cli) as its own process: DuckDB's lock is per process.</summary>
    private static async Task<(int Code, string Out, string Err)> RunBuiltCliAsync(params string[] args)
    {
        var config = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var cli = Path.Combine(RepositoryPaths.Root(), "artifacts", "bin", "FactoryTwin.Cli", config, "factorytwin.dll");
        Assert.True(File.Exists(cli), "The CLI is not built at " + cli);
        return await CliProcess.RunDotnetAsync(TimeSpan.FromMinutes(2), null, [cli, .. args]);
    }
}
