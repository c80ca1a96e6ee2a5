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
    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-e2e-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_NoArguments_ServesHttpsBrokerAndChangingLiveStateThenStopsOnSigterm()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGTERM is sent with kill(1).");
        var ports = FreePorts.Take(4);
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
        using var process = Process.Start(start)!;
        var output = new OutputLines(process);
        try
        {
            var url = (await output.WaitForAsync(DashboardLine(), StartLimit)).Groups[1].Value;
            var password = (await output.WaitForAsync(PasswordLine(), TimeSpan.FromSeconds(10))).Groups[1].Value;
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(_dir, "data", "server.pfx"), null);
            using var handler = new HttpClientHandler
            {
                CookieContainer = new CookieContainer(),
                AllowAutoRedirect = false,
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
            };
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

            Signal(process.Id);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            stop.CancelAfter(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(stop.Token);
            Assert.Equal(0, process.ExitCode);
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

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
