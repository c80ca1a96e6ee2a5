using System.Collections.Concurrent;
using System.Net;
using MQTTnet.Server;

namespace FactoryTwin.VirtualPlant.Tests.TestSupport;

/// <summary>A plain MQTTnet broker on a fixed loopback port that can be stopped and started again; it records which client published under which topic.</summary>
internal sealed class TestBroker : IAsyncDisposable
{
    private MqttServer? _server;

    public TestBroker(int port)
    {
        Port = port;
    }

    public int Port { get; }

    public ConcurrentBag<(string ClientId, string Topic)> Publishes { get; } = [];

    public static async Task<TestBroker> LaunchAsync()
    {
        var broker = new TestBroker(FreePorts.Next());
        await broker.StartAsync(CancellationToken.None);
        return broker;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = new MqttServerFactory();
        var options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(Port)
            .WithMaxPendingMessagesPerClient(1_000_000)
            .Build();
        var server = factory.CreateMqttServer(options);
        server.InterceptingPublishAsync += e =>
        {
            Publishes.Add((e.ClientId, e.ApplicationMessage.Topic));
            return Task.CompletedTask;
        };
        await server.StartAsync().WaitAsync(cancellationToken);
        _server = server;
    }

    public async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.StopAsync(new MqttServerStopOptions());
            server.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
