using System.Diagnostics;
using System.Xml.Linq;
using static FactoryTwin.Server.Tests.Deployment.DeploymentFiles;

namespace FactoryTwin.Server.Tests.Deployment;

/// <summary>deploy/systemd/factorytwin.service checked offline (systemd is not the init here): settings, command, and systemd's own verifier.</summary>
public sealed class SystemdUnitTests
{
    private static readonly string Unit = PathOf("deploy", "systemd", "factorytwin.service");

    /// <summary>The unit's <c>Key=value</c> lines of a section, in order (a key may repeat).</summary>
    private static List<(string Key, string Value)> Section(string name)
    {
        var lines = new List<(string, string)>();
        var current = string.Empty;
        foreach (var line in File.ReadAllLines(Unit).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (line.StartsWith('['))
            {
                current = line.Trim('[', ']');
            }
            else if (current == name)
            {
                var parts = line.Split('=', 2);
                lines.Add((parts[0], parts[1]));
            }
        }

        return lines;
    }

    private static Dictionary<string, string> Environment() =>
        Section("Service").Where(l => l.Key == "Environment").Select(l => l.Value.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    [Fact]
    public void Environment_EveryVariableBindsToTheServersOptions()
    {
        var settings = ConfigurationCheck.Check(Environment());

        Assert.Empty(settings.Problems);
    }

    [Fact]
    public void Service_RunsThePublishedExecutableInItsStateDirectoryAsItsOwnUser()
    {
        var service = Section("Service").Where(l => l.Key != "Environment").ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        var assembly = XDocument.Load(PathOf("src", "FactoryTwin.Cli", "FactoryTwin.Cli.csproj")).Descendants("AssemblyName").Single().Value;
        var dataFolder = ConfigurationCheck.Check(Environment()).Options<ServerOptions>(ServerOptions.SectionName).DataFolder;

        Assert.Equal($"/opt/factorytwin/{assembly} serve", service["ExecStart"]);
        Assert.Equal("/var/lib/" + service["StateDirectory"], dataFolder);
        Assert.Equal(dataFolder, service["WorkingDirectory"]);
        Assert.NotEqual("root", service["User"]);
        Assert.Equal("strict", service["ProtectSystem"]);
    }

    [Fact]
    public async Task Verify_SystemdAnalyze_ReportsNothing()
    {
        var analyze = OnPath("systemd-analyze");
        Assert.SkipWhen(analyze is null, "systemd-analyze is not on PATH: the unit was not verified by systemd.");
        var folder = Directory.CreateTempSubdirectory("factorytwin-systemd-").FullName;
        try
        {
            // verify checks that the command exists: /opt/factorytwin is not installed here.
            var copy = Path.Combine(folder, "factorytwin.service");
            await File.WriteAllTextAsync(copy, File.ReadAllText(Unit).Replace("ExecStart=/opt/factorytwin/factorytwin", "ExecStart=/bin/true", StringComparison.Ordinal), TestContext.Current.CancellationToken);
            using var process = Process.Start(new ProcessStartInfo(analyze!, ["verify", copy]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            // verify exits 0 on unknown keys and bad values too, but names them: nothing may be said.
            Assert.Equal(string.Empty, (await output + await error).Trim());
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
