using System.Text.Json;

namespace FactoryTwin.Cli.Tests;

/// <summary>
/// The README's commands as written: <c>dotnet run --project src/FactoryTwin.Cli -- …</c> from the repository root, with
/// paths relative to it. The Web SDK starts <c>dotnet run</c> in the project's folder unless the project says otherwise
/// (RunWorkingDirectory), and then <c>samples/plants/automotive.yaml</c> does not exist there.
/// </summary>
public sealed class DotnetRunTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task DotnetRun_ValidateFromRepositoryRoot_FindsTheSampleRelativeToTheRoot()
    {
        var (code, output, error) = await DotnetRunAsync("validate", "samples/plants/automotive.yaml", "--output", "json");

        Assert.True(code == 0, $"exit code {code}: {error}");
        using var doc = JsonDocument.Parse(output);
        Assert.True(doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("samples/plants/automotive.yaml", doc.RootElement.GetProperty("file").GetString());
    }

    [Fact]
    public async Task DotnetRun_SimulateFromRepositoryRoot_RunsTheSample()
    {
        var (code, output, error) = await DotnetRunAsync(
            "simulate", "samples/plants/automotive.yaml", "--replications", "2", "--duration", "1h", "--warmup", "0s", "--output", "json");

        Assert.True(code == 0, $"exit code {code}: {error}");
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(2, doc.RootElement.GetProperty("replications").GetInt32());
    }

    /// <summary>Runs <c>dotnet run --no-build --project src/FactoryTwin.Cli -c {config} -- args</c> in the repository root.</summary>
    private static async Task<(int ExitCode, string Out, string Err)> DotnetRunAsync(params string[] args)
    {
        // The tests run from artifacts/bin/FactoryTwin.Cli.Tests/{config}/; the CLI was built beside them, in the same configuration.
        var config = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        return await CliProcess.RunDotnetAsync(Limit, RepositoryRoot(), ["run", "--no-build", "--project", "src/FactoryTwin.Cli", "-c", config, "--", .. args]);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactoryTwin.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (FactoryTwin.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
