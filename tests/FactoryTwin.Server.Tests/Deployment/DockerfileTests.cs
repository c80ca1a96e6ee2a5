using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FactoryTwin.Server.Hosting;
using FactoryTwin.Telemetry;
using static FactoryTwin.Server.Tests.Deployment.DeploymentFiles;

namespace FactoryTwin.Server.Tests.Deployment;

/// <summary>
/// The Dockerfile checked offline (no container daemon here): stages, user, health check, volume, ports, build
/// context; and, on request, its build stage replayed without docker.
/// </summary>
public sealed partial class DockerfileTests
{
    /// <summary>Set to 1 to replay the build stage (a Release publish of the whole server: minutes on two cores).</summary>
    public const string ReplayVariable = "FACTORYTWIN_TEST_DOCKERFILE_BUILD";

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

    private static List<(string Instruction, string Arguments)> BuildStage()
    {
        var all = Instructions();
        return all[..all.FindLastIndex(i => i.Instruction == "FROM")];
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

    /// <summary>A RUN instruction's command: its flags (<c>--mount=…</c>) removed.</summary>
    private static string Command(string arguments) => RunFlagPattern().Replace(arguments, string.Empty).Trim();

    [Fact]
    public void Stages_BuildWithTheSdkAndRunOnTheAspNetRuntime()
    {
        var from = Instructions().Where(i => i.Instruction == "FROM").Select(i => i.Arguments).ToList();

        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0 AS build", "mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime"], from);
        Assert.Contains(RuntimeStage(), i => i.Instruction == "COPY" && i.Arguments.StartsWith("--from=build ", StringComparison.Ordinal));
        using var globalJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(PathOf("global.json")));
        Assert.StartsWith("10.0.", globalJson.RootElement.GetProperty("sdk").GetProperty("version").GetString(), StringComparison.Ordinal); // the SDK image's
    }

    [Fact]
    public void User_IsTheImagesNonRootUserAndNothingRunsAsRootAfterIt()
    {
        var user = RuntimeStage().Last(i => i.Instruction == "USER").Arguments;

        Assert.Equal("$APP_UID", user); // 1654, the non-root user of Microsoft's .NET images
        Assert.True(RuntimeStage().FindLastIndex(i => i.Instruction == "USER") > RuntimeStage().FindLastIndex(i => i.Instruction == "RUN"), "nothing runs as root after USER");
    }

    [Fact]
    public void Environment_EveryVariableBindsToTheServersOptionsAndTheDataFolderIsAVolumeOwnedByTheUser()
    {
        var settings = ConfigurationCheck.Check(Env());
        var dataFolder = settings.Options<ServerOptions>(ServerOptions.SectionName).DataFolder;

        Assert.Empty(settings.Problems);
        Assert.Equal("[\"" + dataFolder + "\"]", RuntimeStage().Single(i => i.Instruction == "VOLUME").Arguments);
        Assert.Contains(RuntimeStage(), i => i.Instruction == "RUN" && i.Arguments.Contains($"chown \"$APP_UID:$APP_UID\" {dataFolder}", StringComparison.Ordinal));
    }

    [Fact]
    public void Expose_ThePortsTheServerListensOnWithTheImagesSettings()
    {
        var settings = ConfigurationCheck.Check(Env());
        var orleans = new OrleansHostingOptions();
        int[] listening =
        [
            settings.Options<ServerOptions>(ServerOptions.SectionName).Port,
            settings.Options<TelemetryOptions>(TelemetryOptions.SectionName).Port,
            settings.Port("Telemetry:TlsPort", ServerBuilderExtensions.DefaultMqttTlsPort),
            settings.Port("Server:Orleans:SiloPort", orleans.SiloPort),
            settings.Port("Server:Orleans:GatewayPort", orleans.GatewayPort),
        ];

        var exposed = RuntimeStage().Single(i => i.Instruction == "EXPOSE").Arguments.Split(' ').Select(p => int.Parse(p, CultureInfo.InvariantCulture));

        Assert.Equal(8443, listening[0]); // the server's own default is 0 (a free port): the image fixes it
        Assert.Equal(listening.Order(), exposed.Order());
        Assert.Equal("0.0.0.0", settings["Server:Host"]); // reachable from outside the container
    }

    [Fact]
    public void HealthCheck_AsksAServedPathOverHttpsOnTheServersPortWithoutVerifyingTheSelfSignedCertificate()
    {
        var check = RuntimeStage().Single(i => i.Instruction == "HEALTHCHECK").Arguments;
        var url = HealthUrlPattern().Match(check);

        Assert.True(url.Success, check);
        Assert.Equal("${Server__Port}", url.Groups["port"].Value);
        Assert.Contains(url.Groups["path"].Value, ServedHealthPaths);
        Assert.Contains("--insecure", check, StringComparison.Ordinal);
        Assert.Contains("--fail", check, StringComparison.Ordinal);
        Assert.Contains(RuntimeStage(), i => i.Instruction == "RUN" && i.Arguments.Contains("install -y --no-install-recommends curl", StringComparison.Ordinal));
    }

    [Fact]
    public void EntryPoint_IsTheExecutableTheBuildStagePublishes()
    {
        var assembly = XDocument.Load(PathOf("src", "FactoryTwin.Cli", "FactoryTwin.Cli.csproj")).Descendants("AssemblyName").Single().Value;
        var publish = Assert.Single(BuildStage(), i => i.Instruction == "RUN" && Command(i.Arguments).StartsWith("dotnet publish ", StringComparison.Ordinal));
        var output = Regex.Match(Command(publish.Arguments), @" -o (\S+)").Groups[1].Value;

        Assert.Equal($"[\"./{assembly}\"]", RuntimeStage().Single(i => i.Instruction == "ENTRYPOINT").Arguments);
        Assert.StartsWith("dotnet publish src/FactoryTwin.Cli/FactoryTwin.Cli.csproj ", Command(publish.Arguments), StringComparison.Ordinal);
        Assert.Contains(RuntimeStage(), i => i.Instruction == "COPY" && i.Arguments == $"--from=build {output} ./");
        Assert.Equal(output, RuntimeStage().Single(i => i.Instruction == "WORKDIR").Arguments);
    }

    [Fact]
    public void Context_EveryCopiedSourceExistsAndIsNotExcludedByDockerignore()
    {
        var ignored = DockerIgnorePatterns();
        var sources = CopiedSources().ToList();

        Assert.Contains("src/", sources);
        foreach (var source in sources)
        {
            var path = PathOf(source.TrimEnd('/'));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY {source}: not in the repository");
            Assert.False(IsIgnored(source.TrimEnd('/'), ignored), $"COPY {source}: excluded by .dockerignore");
        }

        // The build outputs and local data never enter the context.
        Assert.True(IsIgnored("artifacts", ignored));
        Assert.True(IsIgnored("data", ignored));
        Assert.True(IsIgnored("src/FactoryTwin.Cli/bin", ignored));
        Assert.True(IsIgnored("src/FactoryTwin.Cli/obj", ignored));
    }

    /// <summary>
    /// The build stage as `docker build` runs it, without docker: the context its COPY instructions name (less what
    /// .dockerignore excludes) in a temporary folder, then its RUN commands there with its output folder moved into
    /// that folder; the published executable must start and find its samples and dashboard files.
    /// </summary>
    [Fact]
    public async Task BuildStage_ReplayedWithoutDocker_PublishesAnExecutableThatRuns()
    {
        Assert.SkipUnless(
            Environment.GetEnvironmentVariable(ReplayVariable) == "1",
            $"The replay of the Dockerfile's build stage publishes the server in Release (minutes on two cores); set {ReplayVariable}=1 to run it.");
        var root = Directory.CreateTempSubdirectory("factorytwin-dockerfile-").FullName;
        var work = Path.Combine(root, "src");
        var output = Path.Combine(root, "app");
        try
        {
            var ignored = DockerIgnorePatterns();
            foreach (var source in CopiedSources())
            {
                CopyContext(source.TrimEnd('/'), work, ignored);
            }

            Assert.Equal("/src", BuildStage().Single(i => i.Instruction == "WORKDIR").Arguments);
            foreach (var run in BuildStage().Where(i => i.Instruction == "RUN").Select(i => Command(i.Arguments)))
            {
                var (exitCode, text) = await RunAsync("bash", work, "-c", run.Replace(" -o /app", " -o " + output, StringComparison.Ordinal));
                Assert.True(exitCode == 0, $"{run}\n{text}");
            }

            var executable = Path.Combine(output, "factorytwin");
            var help = await RunAsync(executable, output, "--help");
            Assert.True(help.ExitCode == 0, help.Text);
            Assert.Contains("serve", help.Text, StringComparison.Ordinal);
            var validate = await RunAsync(executable, output, "validate", "samples/plants/automotive.yaml");
            Assert.True(validate.ExitCode == 0, validate.Text);
            Assert.True(File.Exists(Path.Combine(output, "wwwroot", "_framework", "blazor.web.js")), "the dashboard's script is not published");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IEnumerable<string> CopiedSources() =>
        BuildStage()
            .Where(i => i.Instruction == "COPY" && !i.Arguments.StartsWith("--", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1]);

    private static List<string> DockerIgnorePatterns()
    {
        var patterns = File.ReadAllLines(PathOf(".dockerignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        // What IsIgnored understands: a top-level name, or **/ and one name (which may have a * in it).
        Assert.All(patterns, p => Assert.Matches(@"^(\*\*/)?[^/!]+$", p));
        return patterns;
    }

    private static bool IsIgnored(string relativePath, List<string> patterns)
    {
        var segments = relativePath.Split('/');
        foreach (var pattern in patterns)
        {
            var anyDepth = pattern.StartsWith("**/", StringComparison.Ordinal);
            var name = new Regex("^" + Regex.Escape(anyDepth ? pattern[3..] : pattern).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");
            if (anyDepth ? segments.Any(s => name.IsMatch(s)) : name.IsMatch(segments[0]))
            {
                return true;
            }
        }

        return false;
    }

    private static void CopyContext(string relative, string destination, List<string> ignored)
    {
        var source = PathOf(relative);
        if (IsIgnored(relative, ignored))
        {
            return;
        }

        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(destination, relative))!);
            File.Copy(source, Path.Combine(destination, relative));
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(source))
        {
            CopyContext(relative + "/" + Path.GetFileName(entry), destination, ignored);
        }
    }

    private static async Task<(int ExitCode, string Text)> RunAsync(string file, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuationPattern();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(\S+)")]
    private static partial Regex EnvPairPattern();

    [GeneratedRegex(@"^(--[a-z]+=\S+\s+)+")]
    private static partial Regex RunFlagPattern();

    [GeneratedRegex(@"https://127\.0\.0\.1:(?<port>\S+?)(?<path>/[a-z/]+)")]
    private static partial Regex HealthUrlPattern();
}
