using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using FactoryTwin.Server.Tests.TestSupport;

namespace FactoryTwin.Server.Tests.Hosting;

/// <summary>
/// Starts the built <c>factorytwin</c> executable with no arguments in an empty folder, as a user would: HTTPS, the
/// broker and the emulator come up, live state read through the API changes, and SIGTERM stops it cleanly.
/// </summary>
public sealed partial class CliServeEndToEndTests : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);

    /// <summary>Orleans' reports of a starved machine (runtime and thread-pool stalls), not of the application.</summary>
    private static readonly string[] MachineStallCategories = [" Orleans.Runtime.MembershipService.LocalSiloHealthMonitor[", " Orleans.Runtime.Watchdog["];

    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-e2e-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_NoArguments_ServesHttpsBrokerAndChangingLiveStateThenStopsOnSigterm()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGTERM is sent with kill(1).");
        var ports = FreePorts.Take(4);
        using var process = StartServe(ports);
        var output = new OutputLines(process);
        try
        {
            var url = (await output.WaitForAsync(DashboardLine(), StartLimit)).Groups[1].Value;
            var password = (await output.WaitForAsync(PasswordLine(), TimeSpan.FromSeconds(10))).Groups[1].Value;
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(_dir, "data", "server.pfx"), null);
            using var handler = Handler(certificate);
            using var client = new HttpClient(handler) { BaseAddress = new Uri(url) };

            // HTTPS with the generated certificate, kept in ./data.
            using (var ready = await client.GetAsync("health/ready", Ct))
            {
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            }

            // The dashboard's static files are served outside Development too.
            using (var css = await client.GetAsync("_content/MudBlazor/MudBlazor.min.css", Ct))
            {
                Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            }

            // The broker: plain MQTT and MQTT over TLS with the same certificate.
            using (var plain = new TcpClient())
            {
                await plain.ConnectAsync(IPAddress.Loopback, ports[0], Ct);
            }

            using (var tls = new TcpClient())
            {
                await tls.ConnectAsync(IPAddress.Loopback, ports[1], Ct);
                await using var ssl = new SslStream(tls.GetStream(), false, (_, presented, _, _) => presented?.GetCertHashString() == certificate.Thumbprint);
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" }, Ct);
                Assert.True(ssl.IsAuthenticated);
            }

            // Sign in as the first-run administrator, then watch the live state move as the emulator publishes.
            await SignInAsync(client, "admin", password);
            var first = await WaitForStateAsync(client, previous: null);
            var second = await WaitForStateAsync(client, previous: first);
            Assert.NotEqual(first, second);

            await StopAsync(process);
            AssertStopLoggedNoError(output);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            TestContext.Current.SendDiagnosticMessage(output.Text);
        }
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public async Task Serve_RestartedOnTheSameDataFolder_ContinuesThePlantClockWithoutWritingPlantTimeAgain(string signal)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGTERM is sent with kill(1).");
        var ports = FreePorts.Take(4);
        var stateFile = Path.Combine(_dir, "data", "virtual-plant-state.json");

        // First run: 60x from Monday 07:00, until the oven's air sensor is in the historian; then SIGTERM or SIGKILL.
        string password;
        DateTimeOffset resumeAt;
        using (var process = StartServe(ports))
        {
            var output = new OutputLines(process);
            try
            {
                var url = (await output.WaitForAsync(DashboardLine(), StartLimit)).Groups[1].Value;
                password = (await output.WaitForAsync(PasswordLine(), TimeSpan.FromSeconds(10))).Groups[1].Value;
                using var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(_dir, "data", "server.pfx"), null);
                using var handler = Handler(certificate);
                using var client = new HttpClient(handler) { BaseAddress = new Uri(url) };
                await SignInAsync(client, "admin", password);
                await WaitForHistoryAsync(client, DateTimeOffset.MinValue);
                if (signal == "KILL")
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(Ct);
                }
                else
                {
                    await StopAsync(process);
                    AssertStopLoggedNoError(output);
                }
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                TestContext.Current.SendDiagnosticMessage(output.Text);
            }

            var saved = FactoryTwin.VirtualPlant.Continuity.VirtualPlantStateFile.Load(stateFile).State;
            Assert.NotNull(saved);
            Assert.Equal(signal == "TERM", saved.Clean);
            resumeAt = saved.ResumeTime;
        }

        // Second run on the same folder with the same options: it resumes where the first stopped (after a kill, past
        // the margin a periodic save may lag), not at Monday 07:00.
        using (var process = StartServe(ports))
        {
            var output = new OutputLines(process);
            try
            {
                var url = (await output.WaitForAsync(DashboardLine(), StartLimit)).Groups[1].Value;
                await output.WaitForAsync(ResumedLine(), TimeSpan.FromSeconds(10));
                using var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(_dir, "data", "server.pfx"), null);
                using var handler = Handler(certificate);
                using var client = new HttpClient(handler) { BaseAddress = new Uri(url) };
                await SignInAsync(client, "admin", password);
                await WaitForHistoryAsync(client, resumeAt);

                // The sensor is sampled once per plant second, so its points are a second apart: a replay from Monday
                // 07:00 would put a second series of samples between them (twice the points in the hour).
                var stamps = await HistoryAsync(client, resumeAt.AddDays(-8), resumeAt.AddDays(1));
                stamps.Sort();
                Assert.Contains(stamps, t => t < resumeAt);
                Assert.Contains(stamps, t => t > resumeAt);
                var close = stamps.Zip(stamps.Skip(1)).Where(p => p.Second - p.First < TimeSpan.FromSeconds(0.5)).ToList();
                Assert.True(close.Count == 0, $"{close.Count} of {stamps.Count} points follow another within half a second, e.g. at {close.FirstOrDefault().Second:O}: plant time was emulated twice");
                await StopAsync(process);
                AssertStopLoggedNoError(output);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                TestContext.Current.SendDiagnosticMessage(output.Text);
            }
        }

        var after = FactoryTwin.VirtualPlant.Continuity.VirtualPlantStateFile.Load(stateFile).State;
        Assert.NotNull(after);
        Assert.True(after.PlantTime > resumeAt);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }
    }

    private const string Series = "ecoat-oven/ecoat-oven-z1-air";

    /// <summary>Starts <c>factorytwin</c> (serve) in the test folder at 60× from the last Monday 07:00, on the given ports.</summary>
    private Process StartServe(int[] ports)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(CliPath());
        start.Environment["Telemetry__Port"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Telemetry__TlsPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Server__Orleans__SiloPort"] = ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Server__Orleans__GatewayPort"] = ports[3].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["VirtualPlant__Speed"] = "60";

        // The plant clock starts on the last Monday 07:00 site time, so the plant is mid-shift whenever the test runs.
        start.Environment["VirtualPlant__StartDay"] = "Monday";
        start.Environment["VirtualPlant__StartTime"] = "07:00";
        return Process.Start(start)!;
    }

    private static HttpClientHandler Handler(X509Certificate2 certificate) => new()
    {
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
    };

    private static async Task StopAsync(Process process)
    {
        Signal(process.Id);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(stop.Token);
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>
    /// A clean stop on SIGTERM logs no error: after "Application is shutting down..." there is no <c>fail:</c> or
    /// <c>crit:</c> entry of the console logger (the broker, the ingestion, the twin, the live push and the historian stop
    /// in an order where none of them still uses another that has stopped). Orleans' own stall reports are left out: they
    /// measure the machine (a loaded 2-core test machine stalls the thread pool for seconds), not the stop.
    /// </summary>
    private static void AssertStopLoggedNoError(OutputLines output)
    {
        var lines = output.Text.Split('\n');
        var stop = Array.FindIndex(lines, l => l.Contains("Application is shutting down...", StringComparison.Ordinal));
        Assert.True(stop >= 0, "The stop was not logged:\n" + output.Text);
        var errors = Enumerable.Range(stop, lines.Length - stop)
            .Where(i => lines[i].StartsWith("fail:", StringComparison.Ordinal) || lines[i].StartsWith("crit:", StringComparison.Ordinal))
            .Where(i => !MachineStallCategories.Any(c => lines[i].Contains(c, StringComparison.Ordinal)))
            .ToList();
        Assert.True(
            errors.Count == 0,
            $"{errors.Count} error entries were logged while stopping, the first:\n{(errors.Count > 0 ? string.Join('\n', lines.Skip(errors[0]).Take(8)) : "")}");
    }

    /// <summary>Polls the historian until <see cref="Series"/> has a point later than <paramref name="after"/>.</summary>
    private static async Task WaitForHistoryAsync(HttpClient client, DateTimeOffset after)
    {
        var from = after == DateTimeOffset.MinValue ? DateTimeOffset.UnixEpoch : after.AddTicks(1);
        for (var i = 0; i < 600; i++)
        {
            var url = $"api/v1/history?series={Series}&from={Uri.EscapeDataString(from.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}&to=9000-01-01T00:00:00Z&pageSize=1";
            using var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            if (doc.RootElement.GetProperty("total").GetInt32() > 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, Ct);
        }

        Assert.Fail($"No point of {Series} after {after:O} within 120 s.");
    }

    /// <summary>The timestamps of every raw point of <see cref="Series"/> in [from, to), all pages.</summary>
    private static async Task<List<DateTimeOffset>> HistoryAsync(HttpClient client, DateTimeOffset from, DateTimeOffset to)
    {
        var stamps = new List<DateTimeOffset>();
        for (var page = 1; ; page++)
        {
            var url = string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"api/v1/history?series={Series}&from={Uri.EscapeDataString(from.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}&page={page}&pageSize=500");
            using var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            foreach (var point in doc.RootElement.GetProperty("items").EnumerateArray())
            {
                stamps.Add(point.GetProperty("timestamp").GetDateTimeOffset());
            }

            if (stamps.Count >= doc.RootElement.GetProperty("total").GetInt32())
            {
                return stamps;
            }
        }
    }

    private static string CliPath()
    {
        // The tests run from artifacts/bin/FactoryTwin.Server.Tests/{config}/; the CLI is built next to them.
        var config = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var path = Path.Combine(RepositoryPaths.Root(), "artifacts", "bin", "FactoryTwin.Cli", config, "factorytwin.dll");
        Assert.True(File.Exists(path), "The CLI is not built at " + path);
        return path;
    }

    private static void Signal(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static async Task SignInAsync(HttpClient client, string user, string password)
    {
        var html = await client.GetStringAsync("signin", Ct);
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        using var response = await client.PostAsync(
            "account/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = user, ["password"] = password, ["__RequestVerificationToken"] = token }),
            Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    /// <summary>Polls the live state until it holds data (and differs from <paramref name="previous"/>).</summary>
    private static async Task<string> WaitForStateAsync(HttpClient client, string? previous)
    {
        for (var i = 0; i < 600; i++)
        {
            using var response = await client.GetAsync("api/v1/state", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.Content.ReadAsStringAsync(Ct);
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.GetArrayLength() > 0 && json != previous)
            {
                return json;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System, Ct);
        }

        Assert.Fail("The live state did not change within 120 s.");
        return "";
    }

    [GeneratedRegex(@"^FactoryTwin dashboard: (https://\S+)$")]
    private static partial Regex DashboardLine();

    [GeneratedRegex(@"^First run: created user 'admin' with password (\S+)$")]
    private static partial Regex PasswordLine();

    [GeneratedRegex(@"Plant clock resumes at \S+, where the virtual plant stopped")]
    private static partial Regex ResumedLine();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
