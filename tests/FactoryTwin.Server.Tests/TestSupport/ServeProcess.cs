using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FactoryTwin.Server.Tests.TestSupport;

/// <summary>
/// The built <c>factorytwin</c> executable running <c>serve</c> as a separate process in a folder of its own (its data
/// folder is <c>./data</c> there), started as a user would, and stopped with SIGTERM or SIGKILL.
/// </summary>
internal sealed partial class ServeProcess : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);

    private ServeProcess(Process process, OutputLines output)
    {
        Process = process;
        Output = output;
    }

    public Process Process { get; }

    public OutputLines Output { get; }

    /// <summary>Gets the dashboard's URL, once started.</summary>
    public Uri? Url { get; private set; }

    /// <summary>
    /// Starts <c>serve</c> in <paramref name="folder"/> and waits until it says where its dashboard is. A port taken by
    /// another process between choosing it and binding it (the server refuses at once and names the setting) is replaced
    /// by a new free port in <paramref name="settings"/> when the dictionary can be changed, and the start is tried again,
    /// so a later restart with the same settings uses the port the server really has.
    /// </summary>
    /// <param name="folder">The working folder.</param>
    /// <param name="settings">Configuration as environment variables (<c>Telemetry__Port</c> …).</param>
    /// <returns>The running server.</returns>
    public static async Task<ServeProcess> StartAsync(string folder, IReadOnlyDictionary<string, string> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(CliPath());
            foreach (var (key, value) in settings)
            {
                start.Environment[key] = value;
            }

            var process = Process.Start(start)!;
            var server = new ServeProcess(process, new OutputLines(process));
            try
            {
                var started = server.Output.WaitForAsync(DashboardLine(), StartLimit);
                var exited = process.WaitForExitAsync(Xunit.TestContext.Current.CancellationToken);
                if (await Task.WhenAny(started, exited) == exited && !started.IsCompleted
                    && Drained(process) && attempt < 3 && settings is Dictionary<string, string> mutable
                    && PortInUse().Match(server.Output.Text) is { Success: true } taken
                    && mutable.ContainsKey(taken.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal)))
                {
                    mutable[taken.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal)] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
                    server.Dispose();
                    continue;
                }

                var match = await started;
                server.Url = new Uri(match.Groups[1].Value);
                return server;
            }
            catch
            {
                server.Dispose();
                throw;
            }
        }
    }

    /// <summary>The settings of a server on free ports with the given extras.</summary>
    /// <param name="extra">More settings, as environment variables.</param>
    /// <returns>The settings; <c>Telemetry__Port</c> is the plain MQTT port.</returns>
    public static Dictionary<string, string> Settings(params (string Key, string Value)[] extra)
    {
        var ports = FreePorts.Take(4);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Telemetry__Port"] = ports[0].ToString(CultureInfo.InvariantCulture),
            ["Telemetry__TlsPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["Server__Orleans__SiloPort"] = ports[2].ToString(CultureInfo.InvariantCulture),
            ["Server__Orleans__GatewayPort"] = ports[3].ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Creates an HTTPS client for the server that trusts exactly the certificate the server generated in <paramref name="folder"/>.</summary>
    /// <param name="folder">The server's working folder.</param>
    /// <returns>The client; its base address is the dashboard's URL.</returns>
    public HttpClient CreateClient(string folder)
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(folder, "data", "server.pfx"), null);
        var thumbprint = certificate.Thumbprint;
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == thumbprint,
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = Url };
    }

    /// <summary>Sends SIGTERM, as a service manager or Ctrl+C would.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Sends SIGKILL: the process ends at once, as in a crash or power cut of the process.</summary>
    public void Kill() => Process.Kill(entireProcessTree: true);

    /// <summary>Waits for the process to end and returns its exit code.</summary>
    /// <param name="limit">How long to wait.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Xunit.TestContext.Current.CancellationToken);
        cts.CancelAfter(limit);
        try
        {
            await Process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!Xunit.TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"serve did not exit within {limit}. Output:\n{Output.Text}");
        }

        return Process.ExitCode;
    }

    /// <summary>Reads the process's resident set size from /proc (Linux).</summary>
    /// <returns>The RSS in bytes, or 0 when it cannot be read.</returns>
    public long ResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process has ended.
        }

        return 0;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }

        Xunit.TestContext.Current.SendDiagnosticMessage(Output.Text);
        Process.Dispose();
    }

    private static string CliPath()
    {
        // The tests run from artifacts/bin/FactoryTwin.Server.Tests/{config}/; the CLI is built next to them.
        var config = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var path = Path.Combine(RepositoryPaths.Root(), "artifacts", "bin", "FactoryTwin.Cli", config, "factorytwin.dll");
        Assert.True(File.Exists(path), "The CLI is not built at " + path);
        return path;
    }

    [GeneratedRegex(@"^FactoryTwin dashboard: (https://\S+)$")]
    private static partial Regex DashboardLine();

    // Waits until the exited process's output has been read to its end.
    private static bool Drained(Process process)
    {
        process.WaitForExit();
        return true;
    }

    [GeneratedRegex(@"error: Port \d+ \(([A-Za-z:]+)\) is already in use")]
    private static partial Regex PortInUse();
}
