using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.VirtualPlant;

/// <summary>
/// Pauses that are meant in wall-clock time (pacing ticks, polling, reconnect waits) on whatever clock the emulator
/// runs by: on a <see cref="ScaledTimeProvider"/> they are lengthened by its speed so the cadence stays the same in
/// real time.
/// </summary>
internal static class WallDelay
{
    public static Task For(TimeSpan wall, TimeProvider time, CancellationToken cancellationToken) =>
        Task.Delay(time is ScaledTimeProvider scaled ? wall * scaled.Speed : wall, time, cancellationToken);
}
