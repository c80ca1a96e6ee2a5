using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Server.Hosting;
using FactoryTwin.VirtualPlant;
using FactoryTwin.VirtualPlant.Continuity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Tests.Hosting;

public sealed class PlantClockSetupTests : IDisposable
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly Lazy<PlantModel> s_plant = new(() => TestPlants.Automotive);
    private readonly string _folder = Directory.CreateTempSubdirectory("factorytwin-clock-").FullName;

    // Sunday 29 November 2026, 02:03 in Berlin (UTC+1).
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 1, 3, 0, TimeSpan.Zero);

    [Fact]
    public void StartOf_NoDayOrTime_IsNow() =>
        Assert.Equal(Now, PlantClockSetup.StartOf(Now, Berlin, null, null));

    [Fact]
    public void StartOf_DayAndTime_IsTheLastSuchInstantInTheSiteZone() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero), PlantClockSetup.StartOf(Now, Berlin, DayOfWeek.Monday, new TimeOnly(7, 0)));

    [Fact]
    public void StartOf_TimeLaterToday_IsThatTimeYesterday() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero), PlantClockSetup.StartOf(Now, Berlin, null, new TimeOnly(6, 0)));

    [Fact]
    public void StartOf_TimeEarlierToday_IsToday() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 30, 0, TimeSpan.Zero), PlantClockSetup.StartOf(Now, Berlin, null, new TimeOnly(1, 30)));

    [Fact]
    public void StartOf_TodaysDayLaterInTheDay_IsAWeekAgo() =>
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), PlantClockSetup.StartOf(Now, Berlin, DayOfWeek.Sunday, new TimeOnly(10, 0)));

    [Fact]
    public void StartOf_SummerTime_UsesThatDaysOffset()
    {
        var july = new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 7, 13, 4, 0, 0, TimeSpan.Zero), PlantClockSetup.StartOf(july, Berlin, DayOfWeek.Monday, new TimeOnly(6, 0)));
    }

    private string StateFile => Path.Combine(_folder, PlantClockSetup.StateFileName);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AddPlantClock_CleanSavedStateAndAStartDay_ClockContinuesFromTheSavedPosition()
    {
        // A 60x run from Monday 07:00 got days ahead of the wall clock before it was stopped.
        var saved = TimeProvider.System.GetUtcNow().AddDays(3);
        VirtualPlantStateFile.Save(StateFile, new VirtualPlantState(saved, true, 60, TimeSpan.FromSeconds(2), [new GatewaySequence("gw-body", 500, 40)]));

        var (clock, services) = AddPlantClock(("VirtualPlant:StartDay", "Monday"), ("VirtualPlant:StartTime", "07:00"));

        var now = clock.GetUtcNow();
        Assert.InRange(now, saved, saved.AddMinutes(10));
        Assert.Equal(PlantClockStartKind.Resumed, services.GetRequiredService<PlantClockStart>().Kind);
        Assert.Same(clock, services.GetRequiredKeyedService<TimeProvider>(PlantClock.ServiceKey));
    }

    [Fact]
    public void AddPlantClock_PeriodicSave_ClockStartsPastTheMarginTheSaveMayLag()
    {
        var saved = TimeProvider.System.GetUtcNow().AddDays(3);
        var state = new VirtualPlantState(saved, false, 60, TimeSpan.FromSeconds(2), []);
        VirtualPlantStateFile.Save(StateFile, state);

        var (clock, _) = AddPlantClock();

        Assert.InRange(clock.GetUtcNow(), state.ResumeTime, state.ResumeTime.AddMinutes(10));
    }

    [Fact]
    public void AddPlantClock_CorruptStateFile_StartsAtTheConfiguredStartWithoutThrowing()
    {
        File.WriteAllText(StateFile, "{ not json");

        var (clock, services) = AddPlantClock(("VirtualPlant:StartDay", "Monday"), ("VirtualPlant:StartTime", "07:00"));

        var start = services.GetRequiredService<PlantClockStart>();
        Assert.Equal(PlantClockStartKind.StateUnusable, start.Kind);
        Assert.Contains("not valid JSON", start.Problem, StringComparison.Ordinal);
        Assert.InRange(clock.GetUtcNow(), start.Configured, start.Configured.AddMinutes(10));
        Assert.True(start.Configured <= TimeProvider.System.GetUtcNow());
    }

    [Fact]
    public void AddPlantClock_ResumeFalse_StartsAtTheConfiguredStart()
    {
        VirtualPlantStateFile.Save(StateFile, new VirtualPlantState(TimeProvider.System.GetUtcNow().AddDays(3), true, 60, TimeSpan.FromSeconds(2), []));

        var (clock, services) = AddPlantClock(("VirtualPlant:Resume", "false"));

        var start = services.GetRequiredService<PlantClockStart>();
        Assert.Equal(PlantClockStartKind.ResumeOff, start.Kind);
        Assert.InRange(clock.GetUtcNow(), start.Configured, start.Configured.AddMinutes(10));
    }

    [Fact]
    public void AddPlantClock_Emulator_KeepsTheVirtualPlantStateInTheDataFolder()
    {
        var (_, services) = AddPlantClock();

        var options = services.GetRequiredService<IOptions<VirtualPlantOptions>>().Value;
        Assert.Equal(StateFile, options.StateFile);
        Assert.True(options.AlignToClock);
        Assert.Equal(PlantClockStartKind.Configured, services.GetRequiredService<PlantClockStart>().Kind);
    }

    private (TimeProvider Clock, ServiceProvider Services) AddPlantClock(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection([new("VirtualPlant:Speed", "60"), .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))]);
        builder.AddPlantClock(new ServerOptions { DataFolder = _folder }, s_plant.Value);
        var services = builder.Services.BuildServiceProvider();
        return (services.GetRequiredKeyedService<TimeProvider>(PlantClock.ServiceKey), services);
    }
}
