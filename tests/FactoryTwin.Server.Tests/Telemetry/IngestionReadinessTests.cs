using System.Net;
using System.Text.Json;
using FactoryTwin.Historian;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Server.Tests.TestSupport;
using FactoryTwin.Telemetry.Ingestion;
using FactoryTwin.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Tests.Telemetry;

/// <summary>The readiness check tells when ingestion is stuck, and which stage, and recovers by itself.</summary>
public sealed class IngestionReadinessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_StoreHangsWithMessagesPending_UnhealthyNamingTheStoreCommitThenHealthyAfter()
    {
        var gate = new HangingStore.Gate();
        await using var host = await StartAsync(gate, "--Telemetry:StallTimeout=00:00:01");
        using var client = host.Client();
        Assert.Equal("Healthy", await ReadyStatusAsync(client));

        gate.Close();
        await using var device = await RawGateway.ConnectAsync(host.MqttPort, "gw-paint");
        var publishing = PublishOneAsync(device);

        var stuck = await WaitForAsync(client, "Unhealthy");
        var ingestion = stuck.GetProperty("checks").GetProperty("telemetry-ingestion");
        Assert.Equal("Unhealthy", ingestion.GetProperty("status").GetString());
        Assert.Contains("stuck in store commit", ingestion.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, ingestion.GetProperty("data").GetProperty("pending").GetInt64());
        Assert.False(publishing.IsCompleted, "no PUBACK while the store hangs");

        gate.Open();
        Assert.True(await publishing);
        Assert.Single(device.Acknowledged);
        await WaitForAsync(client, "Healthy");
    }

    [Fact]
    public async Task Stop_StoreHangsPastTheShutdownTime_StopsWithoutErrorAndLeavesTheMessageUnacknowledged()
    {
        // The drain at a stop commits what the broker took; when the store does not answer within the host's shutdown
        // time, the stop still ends without an error, and the device, unanswered, sends the message again.
        var gate = new HangingStore.Gate();
        await using var host = await StartAsync(gate, "--Server:ShutdownSeconds=2");
        gate.Close();
        await using var device = await RawGateway.ConnectAsync(host.MqttPort, "gw-paint");
        var publishing = PublishOneAsync(device);
        using var client = host.Client();
        await WaitForAsync(client, "Healthy"); // the message is taken: pending, not yet stalled
        await Poll.UntilAsync(() => host.App.Services.GetRequiredService<ITelemetryIngestionStatus>().GetHealth().Pending == 1, TimeSpan.FromSeconds(30), cancellationToken: Ct);

        // As at Ctrl+C or SIGTERM: the host's own shutdown time (2 s here) bounds the stop, which must end without an error.
        Assert.Equal(TimeSpan.FromSeconds(2), host.App.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        await host.App.StopAsync(CancellationToken.None);

        Assert.False(await publishing, "the connection closes with the message unanswered");
        Assert.Empty(device.Acknowledged);
        gate.Open();
    }

    /// <summary>A server whose store is the real historian behind <paramref name="gate"/>; any device may publish.</summary>
    private static Task<ServerHost> StartAsync(HangingStore.Gate gate, params string[] settings) => ServerHost.StartAsync(
        builder => builder.Services.AddSingleton<ITelemetryStore>(sp => new HangingStore(sp.GetRequiredService<IHistorian>(), gate)),
        ["--Server:DeviceAuthentication=false", .. settings]);

    /// <summary>Publishes one oven measurement, QoS 1.</summary>
    private static Task<bool> PublishOneAsync(RawGateway device) => device.PublishAsync(
        "factorytwin/v1/lakeside/paint/ecoat-oven/measure", [(1L, RawGateway.Measure(1, TimeProvider.System.GetUtcNow(), "ecoat-oven-z1-air", 180))]);

    private static async Task<string?> ReadyStatusAsync(HttpClient client)
    {
        using var doc = JsonDocument.Parse(await (await client.GetAsync("health/ready", Ct)).Content.ReadAsStringAsync(Ct));
        return doc.RootElement.GetProperty("status").GetString();
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string status)
    {
        for (var i = 0; i < 300; i++)
        {
            using var response = await client.GetAsync("health/ready", Ct);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            if (doc.RootElement.GetProperty("status").GetString() == status)
            {
                Assert.Equal(status == "Healthy" ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable, response.StatusCode);
                return doc.RootElement.Clone();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, Ct);
        }

        Assert.Fail("/health/ready did not become " + status + " within 30 s");
        return default;
    }

    /// <summary>The real historian behind a gate that can make every append hang, as a stuck disk or database would.</summary>
    private sealed class HangingStore(IHistorian historian, HangingStore.Gate gate) : ITelemetryStore
    {
        public async ValueTask AppendAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
        {
            await gate.PassAsync(cancellationToken);
            await historian.AppendAsync(batch, cancellationToken);
        }

        public sealed class Gate
        {
            private volatile TaskCompletionSource _open = Opened();

            public void Close() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            public void Open() => _open.TrySetResult();

            public Task PassAsync(CancellationToken cancellationToken) => _open.Task.WaitAsync(cancellationToken);

            private static TaskCompletionSource Opened()
            {
                var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                open.SetResult();
                return open;
            }
        }
    }
}
