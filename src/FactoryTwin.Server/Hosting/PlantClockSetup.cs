using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Twin.Hosting;
using FactoryTwin.VirtualPlant;
using FactoryTwin.VirtualPlant.Continuity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FactoryTwin.Server.Hosting;

/// <summary>
/// Registers the plant clock (<see cref="PlantClock"/>): the time telemetry is stamped in, checked against, and that the
/// twin, the API's history ranges and the dashboard read. With real gateways it is the wall clock. With the virtual
/// plant it is a <see cref="ScaledTimeProvider"/> running at <c>VirtualPlant:Speed</c> from the virtual plant's start
/// (now, or the last <c>VirtualPlant:StartDay</c>/<c>StartTime</c> in the site's time zone), and the virtual plant
/// runs in step with it, so an emulated plant at 60× has the shift calendar, rates and OEE of a real one. A restart
/// continues where the virtual plant stopped: the clock starts at the later of that start and the position saved in
/// the virtual plant's state file (<see cref="StateFileName"/> in the data folder), and the gateways continue their
/// <c>seq</c>, so the historian never gets the same plant time twice (<see cref="PlantClockStart.Decide"/>).
/// </summary>
internal static class PlantClockSetup
{
    /// <summary>The virtual plant's state file in the data folder unless <c>VirtualPlant:StateFile</c> is set.</summary>
    public const string StateFileName = "virtual-plant-state.json";

    public static IHostApplicationBuilder AddPlantClock(this IHostApplicationBuilder builder, ServerOptions options, PlantModel plant)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        TimeProvider clock = TimeProvider.System;
        if (options.Emulator)
        {
            var speed = configuration.GetValue<double?>("VirtualPlant:Speed") ?? VirtualPlantOptions.DefaultSpeed;
            if (!double.IsFinite(speed) || speed < 1 || speed > VirtualPlantOptions.MaxPacedSpeed)
            {
                throw new InvalidOperationException(
                    $"VirtualPlant:Speed must be between 1 and {VirtualPlantOptions.MaxPacedSpeed:0} when the server runs the virtual plant, not {speed}; " +
                    "the dashboard, KPIs and forecast follow the plant's clock at that speed.");
            }

            var day = configuration.GetValue<DayOfWeek?>("VirtualPlant:StartDay");
            var time = configuration.GetValue<TimeOnly?>("VirtualPlant:StartTime");
            var zone = TimeZoneInfo.FindSystemTimeZoneById(plant.Site.TimeZone);
            var configured = StartOf(TimeProvider.System.GetUtcNow(), zone, day, time);
            var stateFile = StateFileOf(configuration, options);
            var resume = configuration.GetValue<bool?>("VirtualPlant:Resume") ?? true;
            var start = PlantClockStart.Decide(configured, stateFile, resume, resume ? VirtualPlantStateFile.Load(stateFile) : null);
            clock = new ScaledTimeProvider(TimeProvider.System, speed, start.Origin);
            services.AddSingleton(start);

            // The virtual plant paces itself by the plant clock (so at 1× of it), starts at the clock's time of day, and
            // keeps its state (the clock's position, the gateways' seq) where the next start reads it.
            services.AddOptions<VirtualPlantOptions>().PostConfigure(o =>
            {
                o.Speed = 1;
                o.AlignToClock = true;
                o.StateFile = stateFile;
            });
            services.AddKeyedSingleton<TimeProvider>(VirtualPlantOptions.ClockKey, clock);
        }

        services.AddKeyedSingleton(PlantClock.ServiceKey, clock);
        services.AddKeyedSingleton(TwinOptions.ClockKey, clock);
        return builder;
    }

    /// <summary>The virtual plant's state file: <c>VirtualPlant:StateFile</c>, else <see cref="StateFileName"/> in the data folder (full path).</summary>
    internal static string StateFileOf(IConfiguration configuration, ServerOptions options) =>
        Path.GetFullPath(configuration["VirtualPlant:StateFile"] is { Length: > 0 } configured ? configured : Path.Combine(options.DataFolder, StateFileName));

    /// <summary>Logs where the plant clock started and why (once, at start-up); nothing without the virtual plant.</summary>
    internal static void LogStart(PlantClockStart? start, ILogger logger)
    {
        if (start is null)
        {
            return;
        }

        switch (start.Kind)
        {
            case PlantClockStartKind.Resumed:
                Log.PlantClockResumed(logger, start.Origin, start.StateFile, start.Saved!.Clean ? "a clean stop" : "a periodic save, plus the margin it may lag", start.Configured);
                break;
            case PlantClockStartKind.ConfiguredAfterSaved:
                Log.PlantClockAfterSaved(logger, start.Origin, start.Saved!.ResumeTime, start.StateFile);
                break;
            case PlantClockStartKind.StateUnusable:
                Log.PlantClockStateUnusable(logger, start.Origin, start.StateFile, start.Problem!);
                break;
            case PlantClockStartKind.ResumeOff:
                Log.PlantClockResumeOff(logger, start.Origin, start.StateFile);
                break;
            default:
                Log.PlantClockConfigured(logger, start.Origin, start.StateFile);
                break;
        }
    }

    /// <summary>
    /// The instant the plant clock starts at: now, or the latest instant not after now that falls on
    /// <paramref name="day"/> (any day when <see langword="null"/>) at <paramref name="time"/> (midnight when only the day
    /// is given) in the site's time zone.
    /// </summary>
    internal static DateTimeOffset StartOf(DateTimeOffset now, TimeZoneInfo zone, DayOfWeek? day, TimeOnly? time)
    {
        if (day is null && time is null)
        {
            return now;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var at = time ?? TimeOnly.MinValue;
        for (var back = 0; back <= 7; back++)
        {
            var date = DateOnly.FromDateTime(local.DateTime).AddDays(-back);
            if (day is { } d && date.DayOfWeek != d)
            {
                continue;
            }

            var wall = date.ToDateTime(at);
            var offset = zone.IsInvalidTime(wall) ? zone.GetUtcOffset(wall.AddHours(1)) : zone.GetUtcOffset(wall);
            var candidate = new DateTimeOffset(wall, offset);
            if (candidate <= now)
            {
                return candidate.ToUniversalTime();
            }
        }

        return now;
    }
}
