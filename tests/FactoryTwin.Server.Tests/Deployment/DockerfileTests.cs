using System.Text.RegularExpressions;
using System.Xml.Linq;
using static FactoryTwin.Server.Tests.Deployment.DeploymentFiles;

namespace FactoryTwin.Server.Tests.Deployment;

/// <summary>The Dockerfile checked offline (no container daemon here): stages, user, health check, volume, build context.</summary>
public sealed partial class DockerfileTests
{
    /// <summary>The instructions of the Dockerfile, continuation lines joined, comments dropped.</summary>
    private static List<(string Instruction, string Arguments)> Instructions()
    {
        var joined = ContinuationPattern().Replace(File.ReadAllText(PathOf("Dockerfile")), " ");
        return [.. joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .Select(p => (p[0].ToUpperInvariant(), p.Length > 1 ? p[1].Trim() : string.Empty))];
    }

    private static List<(string Instruction, string Arguments)> RuntimeStage()
    {
        var all = Instructions();
        return all[all.FindLastIndex(i => i.Instruction == "FROM")..];
    }

    private static Dictionary<string, string> Env() =>
        RuntimeStage().Where(i => i.Instruction == "ENV")
            .SelectMany(i => EnvPairPattern().Matches(i.Arguments).Select(m => (m.Groups[1].Value, m.Groups[2].Value)))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    [Fact]
    public void Dockerfile_BuildsWithTheSdkAndRunsOnTheAspNetRuntime()
    {
        var from = Instructions().Where(i => i.Instruction == "FROM").Select(i => i.Arguments).ToList();

        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0 AS build", "mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime"], from);
        Assert.Contains(RuntimeStage(), i => i.Instruction == "COPY" && i.Arguments.StartsWith("--from=build ", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_RunsAsANonRootUser()
    {
        var user = RuntimeStage().Last(i => i.Instruction == "USER").Arguments;

        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.Equal("$APP_UID", user); // 1654, the non-root user of Microsoft's .NET images
        Assert.True(RuntimeStage().FindLastIndex(i => i.Instruction == "USER") > RuntimeStage().FindLastIndex(i => i.Instruction == "RUN"), "nothing runs as root after USER");
    }

    [Fact]
    public void Dockerfile_DataFolderIsAVolumeOwnedByTheUser()
    {
        var env = Env();
        var volume = RuntimeStage().Single(i => i.Instruction == "VOLUME").Arguments;

        Assert.Contains($"\"{env["Server__DataFolder"]}\"", volume, StringComparison.Ordinal);
        Assert.Contains(RuntimeStage(), i => i.Instruction == "RUN" && i.Arguments.Contains($"chown \"$APP_UID:$APP_UID\" {env["Server__DataFolder"]}", StringComparison.Ordinal));
        Assert.All(env.Keys, k => Assert.Null(WhyNotAConfigurationKey(k)));
    }

    [Fact]
    public void Dockerfile_HealthCheckAsksReadinessOverHttpsOnTheServerPortWithoutVerifyingTheSelfSignedCertificate()
    {
        var check = RuntimeStage().Single(i => i.Instruction == "HEALTHCHECK").Arguments;

        Assert.Contains("https://127.0.0.1:${Server__Port}/health/ready", check, StringComparison.Ordinal);
        Assert.Contains("--insecure", check, StringComparison.Ordinal);
        Assert.Contains("--fail", check, StringComparison.Ordinal);
        Assert.Equal("8443", Env()["Server__Port"]);
        Assert.Contains(RuntimeStage(), i => i.Instruction == "EXPOSE" && i.Arguments.Split(' ').Contains("8443"));
        Assert.Contains(RuntimeStage(), i => i.Instruction == "RUN" && i.Arguments.Contains("install -y --no-install-recommends curl", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_EntryPointIsTheCliExecutable()
    {
        var assembly = XDocument.Load(PathOf("src", "FactoryTwin.Cli", "FactoryTwin.Cli.csproj")).Descendants("AssemblyName").Single().Value;

        Assert.Equal($"[\"./{assembly}\"]", RuntimeStage().Single(i => i.Instruction == "ENTRYPOINT").Arguments);
        Assert.Contains(Instructions(), i => i.Instruction == "RUN" && i.Arguments.Contains("dotnet publish src/FactoryTwin.Cli/FactoryTwin.Cli.csproj", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_EveryCopiedSourceExistsAndIsNotExcludedFromTheContext()
    {
        var ignored = File.ReadAllLines(PathOf(".dockerignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        var sources = Instructions()
            .Where(i => i.Instruction == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])
            .ToList();

        Assert.Contains("src/", sources);
        foreach (var source in sources)
        {
            var path = PathOf(source.TrimEnd('/'));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY {source}: not in the repository");
            Assert.DoesNotContain(source.TrimEnd('/'), ignored);
        }

        // The build outputs and local data never enter the context.
        Assert.Contains("artifacts", ignored);
        Assert.Contains("data", ignored);
        Assert.Contains("**/bin", ignored);
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuationPattern();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(\S+)")]
    private static partial Regex EnvPairPattern();
}
