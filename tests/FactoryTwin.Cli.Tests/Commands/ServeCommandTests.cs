using System.Text;
using FactoryTwin.Cli.Commands;

namespace FactoryTwin.Cli.Tests.Commands;

/// <summary><c>factorytwin</c> with no verb serves the twin; <c>serve</c> takes settings as <c>--Section:Key=value</c>.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-serve-").FullName;

    [Fact]
    public async Task Run_NoArguments_ServesUntilCancelled()
    {
        var ports = FreePorts.Take(4);
        string[] settings =
        [
            "Server__DataFolder=" + _dir,
            "Historian__DataFolder=" + _dir,
            "Telemetry__Port=" + ports[0],
            "Telemetry__TlsPort=" + ports[1],
            "Server__Orleans__SiloPort=" + ports[2],
            "Server__Orleans__GatewayPort=" + ports[3],
        ];
        foreach (var s in settings)
        {
            var (name, value) = (s[..s.IndexOf('=', StringComparison.Ordinal)], s[(s.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            Environment.SetEnvironmentVariable(name, value);
        }

        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            using var stdout = new SignallingWriter("FactoryTwin dashboard: ", cts);
            using var stderr = new StringWriter();

            var code = await CliApp.RunAsync([], stdout, stderr, cts.Token);

            Assert.True(stdout.Signalled, "The dashboard URL was not printed. " + stderr);
            Assert.Equal(0, code);
            Assert.Matches(@"FactoryTwin dashboard: https://localhost:\d+/", stdout.ToString());
            Assert.Contains("First run: created user 'admin' with password ", stdout.ToString(), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_dir, "server.pfx")));
        }
        finally
        {
            foreach (var s in settings)
            {
                Environment.SetEnvironmentVariable(s[..s.IndexOf('=', StringComparison.Ordinal)], null);
            }
        }
    }

    [Fact]
    public async Task Run_SettingsWithoutVerb_ServesWithThem()
    {
        // factorytwin --Section:Key=value ... (no verb) is serve; both forms of a setting reach the configuration.
        var ports = FreePorts.Take(4);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var stdout = new SignallingWriter("FactoryTwin dashboard: ", cts);
        using var stderr = new StringWriter();
        string[] args =
        [
            "--Server:DataFolder", _dir,
            "--Historian:DataFolder=" + _dir,
            "--Twin:DataFolder=" + _dir,
            "--Telemetry:Port=" + ports[0],
            "--Telemetry:TlsPort=" + ports[1],
            "--Server:Orleans:SiloPort", ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Server:Orleans:GatewayPort=" + ports[3],
        ];

        var code = await CliApp.RunAsync(args, stdout, stderr, cts.Token);

        Assert.True(stdout.Signalled, "The dashboard URL was not printed. " + stderr);
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(_dir, "server.pfx")));
    }

    [Theory]
    [InlineData("Telemetry:Port")]
    [InlineData("Telemetry:TlsPort")]
    [InlineData("Server:Port")]
    [InlineData("Server:Orleans:SiloPort")]
    public async Task Run_PortInUse_SaysWhichPortAndWhatToDo(string setting)
    {
        // Another program holds the port (here a plain listener).
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var taken = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        var ports = FreePorts.Take(5);
        var values = new Dictionary<string, int>
        {
            ["Telemetry:Port"] = ports[0], ["Telemetry:TlsPort"] = ports[1], ["Server:Orleans:SiloPort"] = ports[2],
            ["Server:Orleans:GatewayPort"] = ports[3], ["Server:Port"] = ports[4],
        };
        values[setting] = taken;
        string[] args = ["--Server:DataFolder=" + _dir, "--Historian:DataFolder=" + _dir, "--Twin:DataFolder=" + _dir, .. values.Select(v => $"--{v.Key}={v.Value}")];
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(args, stdout, stderr, TestContext.Current.CancellationToken);

        Assert.Equal(1, code);
        var error = stderr.ToString();
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(taken.ToString(System.Globalization.CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
        Assert.Contains("--" + setting + "=", error, StringComparison.Ordinal);
        Assert.Contains("(" + setting + ")", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Server:Port=8443")]
    [InlineData("--Server:Port 8443")]
    [InlineData("--Server:Port 8443 --VirtualPlant:Speed=60 --environment Development")]
    [InlineData("")]
    public void Check_Settings_AreAccepted(string commandLine)
    {
        Assert.Null(ServeCommand.Check(commandLine.Length == 0 ? [] : commandLine.Split(' ')));
    }

    [Theory]
    [InlineData("bogus", "'bogus' is not a setting")]
    [InlineData("--Server:Port=8443 bogus", "'bogus' is not a setting")]
    [InlineData("--Server:Port", "'--Server:Port' has no value")]
    [InlineData("--Server:Port --VirtualPlant:Speed=60", "'--Server:Port' has no value")]
    [InlineData("-p 8443", "'-p' is not a setting")]
    public void Check_NotSettings_SaysWhatIsWrong(string commandLine, string expected)
    {
        var problem = ServeCommand.Check(commandLine.Split(' '));

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains("--Section:Key=value", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ArgumentThatIsNotASetting_IsAUsageError()
    {
        var (code, _, err) = await CliRun.RunAsync("serve", "bogus");

        Assert.Equal(2, code);
        Assert.Contains("--Section:Key=value", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsServe()
    {
        var (code, output, _) = await CliRun.RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("serve", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // The historian may still be closing its file; the temp folder is cleaned by the system.
        }
    }

    /// <summary>Collects output and cancels the run once a marker line has been written.</summary>
    private sealed class SignallingWriter(string marker, CancellationTokenSource cts) : StringWriter
    {
        private readonly StringBuilder _line = new();

        public bool Signalled { get; private set; }

        public override void Write(char value)
        {
            base.Write(value);
            if (value != '\n')
            {
                _line.Append(value);
                return;
            }

            if (_line.ToString().StartsWith(marker, StringComparison.Ordinal) && !Signalled)
            {
                Signalled = true;
                _ = cts.CancelAsync();
            }

            _line.Clear();
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "")
            {
                Write(c);
            }
        }

        public override void WriteLine(string? value)
        {
            Write(value);
            Write('\n');
        }
    }
}
