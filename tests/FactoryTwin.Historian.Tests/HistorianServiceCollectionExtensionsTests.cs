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
    public async Task AddHistorian_Default_ResolvesOneInstanceAsHistorianTelemetryStoreAndAlarmHistory()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Services.AddLogging();
        builder.AddHistorian(o => o.DataFolder = _folder);
        await using var provider = builder.Services.BuildServiceProvider();

        var historian = provider.GetRequiredService<IHistorian>();

        Assert.Same(historian, provider.GetRequiredService<ITelemetryStore>());
        Assert.Same(historian, provider.GetRequiredService<IAlarmHistory>());
        Assert.Equal(HistorianProvider.DuckDb, provider.GetRequiredService<IOptions<HistorianOptions>>().Value.Provider);
        Assert.Contains(provider.GetServices<IHostedService>(), s => s.GetType().Name == "HistorianMaintenanceService");
    }

    [Fact]
    public async Task AddHistorian_PostgresWithoutConnectionString_FailsOnStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddHistorian(o => (o.Provider, o.DataFolder) = (HistorianProvider.Postgres, _folder));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("ConnectionString", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHistorian_Configuration_BindsTheHistorianSection()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration["Historian:RawRetentionDays"] = "12";
        builder.AddHistorian(o => o.DataFolder = _folder);
        using var provider = builder.Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<HistorianOptions>>().Value;

        Assert.Equal(12, options.RawRetentionDays);
        Assert.Equal(_folder, options.DataFolder);
    }
}
