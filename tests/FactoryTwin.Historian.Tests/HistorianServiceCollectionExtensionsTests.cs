using FactoryTwin.Model.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Historian.Tests;

public sealed class HistorianServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "factorytwin-historian-di-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task AddHistorian_Default_ResolvesOneInstanceAsHistorianAndTelemetryStore()
    {
        var services = new ServiceCollection().AddLogging().AddHistorian(o => o.DataFolder = _folder);
        await using var provider = services.BuildServiceProvider();

        var historian = provider.GetRequiredService<IHistorian>();

        Assert.Same(historian, provider.GetRequiredService<ITelemetryStore>());
        Assert.Equal(HistorianProvider.DuckDb, provider.GetRequiredService<IOptions<HistorianOptions>>().Value.Provider);
        Assert.Contains(provider.GetServices<IHostedService>(), s => s.GetType().Name == "HistorianMaintenanceService");
    }

    [Fact]
    public async Task AddHistorian_PostgresWithoutConnectionString_FailsOnStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddHistorian(o => (o.Provider, o.DataFolder) = (HistorianProvider.Postgres, _folder));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("ConnectionString", ex.Message, StringComparison.Ordinal);
    }
}
