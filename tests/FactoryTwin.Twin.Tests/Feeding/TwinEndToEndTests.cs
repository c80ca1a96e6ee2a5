using System.Globalization;
using FactoryTwin.Historian;
using FactoryTwin.Telemetry;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Twin.Tests.Feeding;

/// <summary>One host as the server builds it: embedded broker, ingestion, DuckDB historian and a co-hosted silo with the twin.</summary>
public sealed class TwinEndToEndTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ft-twin-e2e-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int FreePort() => FreePorts.Next();

    [Fact]
    public async Task Mqtt_GatewayMessages_ReachHistorianAndTwin()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TestPlants.Automotive);
        builder.AddHistorian(o => o.DataFolder = Path.Combine(_folder, "historian"));
        builder.AddTelemetry(o =>
        {
            o.Port = port;
            o.ClientId = "ingest-e2e";
        });
        // A silo of its own: other test classes run hosts in this process at the same time, and two silos on
        // localhost clustering's default ports would form one cluster.
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort(), FreePort(), null, "e2e-" + Guid.NewGuid().ToString("N"), "e2e"));
        builder.AddFactoryTwin(o =>
        {
            o.DataFolder = _folder;
        });
        using var host = builder.Build();
        await host.StartAsync(ct);
        using var listening = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var announced = new System.Collections.Concurrent.ConcurrentQueue<TwinChange>();
        var feed = Task.Run(async () =>
        {
            await foreach (var batch in host.Services.GetRequiredService<FactoryTwin.Twin.Changes.ITwinChangeFeed>().SubscribeAsync(listening.Token))
            {
                foreach (var change in batch)
                {
                    announced.Enqueue(change);
                }
            }
        }, ct);
        try
        {
            var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("gw-paint").WithProtocolVersion(MqttProtocolVersion.V500).Build(), ct);
            var now = TimeProvider.System.GetUtcNow().AddSeconds(-1);
            string Ts(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            async Task PublishAsync(string asset, string kind, string payload) =>
                await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"factorytwin/v1/lakeside/paint/{asset}/{kind}").WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);

            await PublishAsync("ecoat-oven", "state", $$"""{"ts":"{{Ts(now)}}","seq":1,"state":"working"}""");
            await PublishAsync("ecoat-oven", "count", $$"""{"ts":"{{Ts(now)}}","seq":2,"good":17,"scrap":1}""");
            await PublishAsync("ecoat-oven", "measure", $$"""{"ts":"{{Ts(now)}}","seq":3,"values":[{"sensor":"ecoat-oven-z2-air","value":215.0}]}""");
            await PublishAsync("ecoat-oven", "part", $$"""{"ts":"{{Ts(now)}}","seq":4,"event":"enter","part":"B-42","variant":"suv","colour":"white"}""");
            await client.DisconnectAsync(cancellationToken: ct);

            var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IAssetTwinGrain>("ecoat-oven");
            AssetTwinView view;
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                wait.CancelAfter(TimeSpan.FromSeconds(30));
                while (true)
                {
                    view = await grain.GetViewAsync(ct);
                    if (view.Bodies.Length == 1 && view.GoodTotal == 17 && view.Measurements.Length == 1)
                    {
                        break;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, wait.Token);
                }
            }

            Assert.Equal(StationState.Working, view.State);
            Assert.Equal(1, view.ScrapTotal);
            Assert.Equal(215.0 + 273.15, view.Measurements[0].Value, 9);
            Assert.Equal("B-42", view.Bodies[0].PartId);
            var alarm = Assert.Single(view.Alarms, a => a.Alarm == "ecoat-z2-high");
            Assert.Equal(AlarmState.ActiveUnacknowledged, alarm.State);

            // The grain announced its new view on the change feed: a listener needs no call back into the grain.
            await Poll.UntilAsync(() => announced.Any(c => c is { Kind: TwinChangeKind.Asset, Key: "ecoat-oven", View: { GoodTotal: 17, Bodies.Length: 1 } }), TimeSpan.FromSeconds(30), cancellationToken: ct);

            Assert.All(announced.Where(c => c.Kind == TwinChangeKind.Asset), c => Assert.Equal(c.Key, c.View?.Asset));

            var historian = host.Services.GetRequiredService<IHistorian>();
            var stored = await historian.GetLatestAsync([Model.Telemetry.SeriesId.Of(new Model.Ids.AssetId("ecoat-oven"), "good")], ct);
            Assert.Equal(17, Assert.Single(stored).Value);
            var history = await host.Services.GetRequiredService<IAlarmHistory>().QueryAlarmEventsAsync(now.AddMinutes(-1), now.AddMinutes(1), "ecoat-oven", cancellationToken: ct);
            Assert.Contains(history, e => e.Alarm == "ecoat-z2-high" && e.Event == "raised");
        }
        finally
        {
            await listening.CancelAsync();
            await feed.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            await host.StopAsync(CancellationToken.None);
        }
    }
}
