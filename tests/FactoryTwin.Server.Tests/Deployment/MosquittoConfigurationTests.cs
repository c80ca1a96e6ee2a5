using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using static FactoryTwin.Server.Tests.Deployment.DeploymentFiles;

namespace FactoryTwin.Server.Tests.Deployment;

/// <summary>
/// deploy/compose/mosquitto run by a real mosquitto (Debian's; the image runs eclipse-mosquitto 2): its mosquitto.conf
/// and acl with the container paths moved into a temporary folder and the listeners onto free loopback ports. The
/// nodes' ingesting user signs in and gets their shared subscription, a wrong password and a gateway writing under another line are refused,
/// TLS answers with the mounted certificate, and a message a gateway published while the nodes were away survives a
/// restart of the broker.
/// </summary>
public sealed class MosquittoConfigurationTests : IAsyncLifetime
{
    private const string Binary = "/usr/sbin/mosquitto";
    private const string PasswordTool = "/usr/bin/mosquitto_passwd";
    private const string NodePassword = "node-password-1";
    private const string GatewayPassword = "gateway-password-1";

    private static readonly string Source = PathOf("deploy", "compose", "mosquitto");

    private readonly string _folder = Directory.CreateTempSubdirectory("factorytwin-compose-mosquitto-").FullName;
    private readonly int[] _ports = FreePorts.Take(2);
    private Process? _broker;
    private string _log = string.Empty;
    private string? _thumbprint;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int PlainPort => _ports[0];

    private int TlsPort => _ports[1];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ComposeConfiguration_RealMosquitto_AuthenticatesAuthorizesServesTlsAndKeepsQueuedMessagesAcrossARestart()
    {
        Assert.SkipUnless(
            File.Exists(Binary) && File.Exists(PasswordTool) || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
            "mosquitto is not installed (sudo apt-get install -y mosquitto): the compose mosquitto.conf was not run.");
        await PrepareAsync();
        await StartAsync();

        // The nodes' user, with the shared subscription they make (TelemetryTopic.FilterFor with the group), persistent.
        var node = await ConnectAsync("factorytwin-node1", "factorytwin", NodePassword, cleanStart: false);
        var subscribe = await node.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter("$share/factorytwin/factorytwin/v1/lakeside/#", MqttQualityOfServiceLevel.AtLeastOnce).Build(), Ct);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, Assert.Single(subscribe.Items).ResultCode);

        // A wrong password is refused.
        using (var intruder = new MqttClientFactory().CreateMqttClient())
        {
            var refused = await intruder.ConnectAsync(Options("intruder", "factorytwin", "wrong-password", cleanStart: true, tls: false), Ct);
            Assert.Contains(refused.ResultCode, new[] { MqttClientConnectResultCode.BadUserNameOrPassword, MqttClientConnectResultCode.NotAuthorized });
        }

        await node.DisconnectAsync(cancellationToken: Ct);
        node.Dispose();

        // The gateways' TLS listener presents the certificate of certs/; a gateway publishes while no node is connected.
        using (var gateway = await ConnectAsync("gw-paint", "gw-paint", GatewayPassword, cleanStart: true, tls: true))
        {
            var published = await gateway.PublishAsync(
                new MqttApplicationMessageBuilder().WithTopic("factorytwin/v1/lakeside/paint/ecoat-oven/measure").WithPayload("queued")
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                Ct);
            Assert.True(published.IsSuccess, published.ReasonString);

            // The ACL holds: the paint gateway may not write under another line.
            var elsewhere = await gateway.PublishAsync(
                new MqttApplicationMessageBuilder().WithTopic("factorytwin/v1/lakeside/body/framing/state").WithPayload("forged")
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                Ct);
            Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, elsewhere.ReasonCode);
            await gateway.DisconnectAsync(cancellationToken: Ct);
        }

        // Broker restart (as `docker compose restart mosquitto`): the session and the acknowledged message are on disk.
        await StopAsync();
        var persistence = Assert.Single(MosquittoSettings(Path.Combine(Source, "mosquitto.conf"))["persistence_location"]);
        Assert.True(File.Exists(Path.Combine(Mapped(persistence), "mosquitto.db")), "mosquitto wrote no persistence file\n" + _log);
        await StartAsync();

        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.TrySetResult(Encoding.UTF8.GetString(e.ApplicationMessage.Payload));
            return Task.CompletedTask;
        };
        var back = await client.ConnectAsync(Options("factorytwin-node1", "factorytwin", NodePassword, cleanStart: false, tls: false), Ct);
        Assert.True(back.IsSessionPresent, "the node's session did not survive the broker restart\n" + _log);
        Assert.Equal("queued", await received.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        await client.DisconnectAsync(cancellationToken: Ct);
        client.Dispose();
    }

    /// <summary>A container path of mosquitto.conf (<c>/mosquitto/…</c>) in the temporary folder.</summary>
    private string Mapped(string containerPath) => Path.Combine(_folder, containerPath["/mosquitto/".Length..]);

    private async Task PrepareAsync()
    {
        var settings = MosquittoSettings(Path.Combine(Source, "mosquitto.conf"));
        var lines = new List<string>();
        var listener = 0;
        foreach (var line in File.ReadAllLines(Path.Combine(Source, "mosquitto.conf")))
        {
            lines.Add(line.StartsWith("listener ", StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $"listener {_ports[listener++]} 127.0.0.1")
                : line.Replace("/mosquitto/", _folder + "/", StringComparison.Ordinal));
        }

        Assert.Equal(2, listener); // plain for the nodes, TLS for the gateways
        Directory.CreateDirectory(Path.Combine(_folder, "config"));
        Directory.CreateDirectory(Path.Combine(_folder, "certs"));
        var data = Mapped(Assert.Single(settings["persistence_location"]));
        Directory.CreateDirectory(data);
        if (!OperatingSystem.IsWindows())
        {
            // mosquitto started as root reads and writes as user mosquitto: the temporary folder is 0700.
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(data, (UnixFileMode)0b111_111_111);
        }

        await File.WriteAllLinesAsync(Path.Combine(_folder, "config", "mosquitto.conf"), lines, Ct);
        File.Copy(Path.Combine(Source, "acl"), Mapped(Assert.Single(settings["acl_file"])));

        var passwords = Mapped(Assert.Single(settings["password_file"]));
        await RunAsync(PasswordTool, "-c", "-b", passwords, "factorytwin", NodePassword);
        await RunAsync(PasswordTool, "-b", passwords, "gw-paint", GatewayPassword);

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=mosquitto", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddDays(1));
        await File.WriteAllTextAsync(Mapped(Assert.Single(settings["certfile"])), certificate.ExportCertificatePem(), Ct);
        await File.WriteAllTextAsync(Mapped(Assert.Single(settings["keyfile"])), key.ExportPkcs8PrivateKeyPem(), Ct);
        _thumbprint = certificate.GetCertHashString();
        foreach (var file in Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100); // readable by user mosquitto
            }
        }
    }

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo(Binary, ["-c", Path.Combine(_folder, "config", "mosquitto.conf")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        _broker = Process.Start(start)!;
        _broker.OutputDataReceived += (_, e) => _log += e.Data + "\n";
        _broker.ErrorDataReceived += (_, e) => _log += e.Data + "\n";
        _broker.BeginOutputReadLine();
        _broker.BeginErrorReadLine();
        await Poll.UntilAsync(
            async ct =>
            {
                using var probe = new TcpClient();
                try
                {
                    await probe.ConnectAsync("127.0.0.1", PlainPort, ct);
                    return true;
                }
                catch (SocketException)
                {
                    Assert.False(_broker.HasExited, "mosquitto exited:\n" + _log);
                    return false;
                }
            },
            TimeSpan.FromSeconds(10),
            () => "mosquitto did not listen\n" + _log,
            Ct);
    }

    private async Task StopAsync()
    {
        if (_broker is { HasExited: false })
        {
            // SIGTERM: a clean stop, as `docker stop` sends; mosquitto saves its state.
            using (var kill = Process.Start("kill", ["-TERM", _broker.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(Ct);
            }

            await _broker.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        }

        _broker?.Dispose();
        _broker = null;
    }

    private MqttClientOptions Options(string clientId, string user, string password, bool cleanStart, bool tls)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", tls ? TlsPort : PlainPort)
            .WithClientId(clientId)
            .WithCredentials(user, password)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(cleanStart)
            .WithSessionExpiryInterval(cleanStart ? 0u : 86400u)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (tls)
        {
            var expected = _thumbprint;
            builder.WithTlsOptions(o => o.UseTls().WithCertificateValidationHandler(e => e.Certificate?.GetCertHashString() == expected));
        }

        return builder.Build();
    }

    private async Task<IMqttClient> ConnectAsync(string clientId, string user, string password, bool cleanStart, bool tls = false)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            var result = await client.ConnectAsync(Options(clientId, user, password, cleanStart, tls), Ct);
            Assert.True(result.ResultCode == MqttClientConnectResultCode.Success, $"{clientId}: {result.ResultCode}\n{_log}");
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"{file}: {await error}");
    }
}
