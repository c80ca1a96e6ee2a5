using FactoryTwin.VirtualPlant.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.VirtualPlant.Tests;

public sealed class VirtualPlantHostingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-vp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AddVirtualPlant_BadConfiguration_FailsAtStartNamingTheOption()
    {
        using var host = Build(new Dictionary<string, string?> { ["VirtualPlant:Speed"] = "2000", ["VirtualPlant:Port"] = "70000" });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("VirtualPlant:Speed is 2000", ex.Message, StringComparison.Ordinal);
        Assert.Contains("VirtualPlant:Port is 70000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddVirtualPlant_Configuration_RunsThePlantFromItsFile()
    {
        await using var broker = await TestBroker.LaunchAsync();
        var truth = Path.Combine(_folder, "truth.jsonl");
        using var host = Build(new Dictionary<string, string?>
        {
            ["VirtualPlant:PlantFile"] = Path.Combine(AppContext.BaseDirectory, "samples", "plants", "automotive.yaml"),
            ["VirtualPlant:Speed"] = "0",
            ["VirtualPlant:Duration"] = "1800",
            ["VirtualPlant:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["VirtualPlant:GroundTruthFile"] = truth,
            ["VirtualPlant:StartTime"] = "10:00",
        });
        await host.StartAsync(TestContext.Current.CancellationToken);
        var service = host.Services.GetRequiredService<VirtualPlantHostedService>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (service.Current is not { Running: false, Published: > 0 })
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cts.Token);
        }

        await host.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(service.Current!.Messages, service.Current.Published);
        Assert.Equal(1800, service.Current.SimulatedSeconds);
        Assert.NotEmpty(broker.Publishes);

        // The run started at 10:00 local time (Europe/Berlin) on the day of the first shift (Monday).
        var first = GroundTruth.Read(truth)[0].GetProperty("time").GetDateTimeOffset();
        var local = TimeZoneInfo.ConvertTime(first, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(10, 0)), (local.DayOfWeek, TimeOnly.FromTimeSpan(local.TimeOfDay)));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddVirtualPlant(builder.Configuration);
        return builder.Build();
    }
}
