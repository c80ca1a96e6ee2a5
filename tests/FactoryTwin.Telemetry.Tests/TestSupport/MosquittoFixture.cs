using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace FactoryTwin.Telemetry.Tests.TestSupport;

/// <summary>
/// Starts Debian mosquitto on a free loopback port with a generated config, and stops it at the end. Without
/// /usr/sbin/mosquitto the tests that use it are skipped with <see cref="SkipReason"/>, which names the package and the
/// apt-get command (also printed once by <c>dotnet test</c>, as an xunit diagnostic message: xunit.runner.json) —
/// unless CI=true, where a missing mosquitto is a failure (.ci/run installs it).
/// </summary>
public sealed class MosquittoFixture : IAsyncLifetime
{
    public const string Binary = "/usr/sbin/mosquitto";

    /// <summary>Why the tests that need mosquitto are skipped when it is missing, and how to install it.</summary>
    public const string SkipReason =
        "mosquitto is not installed (" + Binary + " is missing), so the tests against an external MQTT broker are skipped. "
        + "Install it with: sudo apt-get install -y mosquitto (README.md lists every Debian package of the full test suite). "
        + "Under CI=true this is a failure.";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "factorytwin-mosquitto-" + Guid.NewGuid().ToString("N"));
    private Process? _process;
    private static int s_reported;

    public int Port { get; private set; }

    public bool Available => _process is not null;

    public string Log { get; private set; } = string.Empty;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Binary))
        {
            return;
        }

        Directory.CreateDirectory(_folder);
        Port = FreePorts.Next();
        var config = Path.Combine(_folder, "mosquitto.conf");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            listener {Port} 127.0.0.1
            allow_anonymous true
            persistence false
            max_queued_messages 0
            max_inflight_messages 0
            log_dest stdout

            """));
        var start = new ProcessStartInfo(Binary, ["-c", config]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        _process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.OutputDataReceived += (_, e) => Log += e.Data + "\n";
        _process.ErrorDataReceived += (_, e) => Log += e.Data + "\n";
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port, cts.Token);
                return;
            }
            catch (SocketException) when (!cts.IsCancellationRequested && !_process.HasExited)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cts.Token);
            }
        }
    }

    /// <summary>Skips the calling test when mosquitto is absent outside CI; fails it in CI.</summary>
    public void RequireMosquitto()
    {
        if (Available)
        {
            return;
        }

        Assert.False(IsCi, $"CI=true but {Binary} is missing: .ci/run must install the Debian package mosquitto.");

        // dotnet test shows a skipped test's name but not its reason (unless --logger "console;verbosity=detailed"):
        // say it once per test run as a diagnostic message, which it shows.
        if (Interlocked.Exchange(ref s_reported, 1) == 0)
        {
            TestContext.Current.SendDiagnosticMessage(SkipReason);
        }

        Assert.Skip(SkipReason);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
