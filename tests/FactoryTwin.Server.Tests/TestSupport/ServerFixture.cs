namespace FactoryTwin.Server.Tests.TestSupport;

/// <summary>One server shared by the tests of a class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private ServerHost? _host;

    internal ServerHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _host = await ServerHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
