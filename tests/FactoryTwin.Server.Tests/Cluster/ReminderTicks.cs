using System.Collections.Concurrent;

namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>The reminder ticks <see cref="ReminderProbeGrain"/> received in this test process, by grain key.</summary>
internal static class ReminderTicks
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<(string Reminder, string Silo)>> s_ticks = new(StringComparer.Ordinal);

    public static void Record(string grain, string reminder, string silo) =>
        s_ticks.GetOrAdd(grain, static _ => new()).Enqueue((reminder, silo));

    /// <summary>Gets the ticks of one grain so far, oldest first.</summary>
    public static IReadOnlyList<(string Reminder, string Silo)> Of(string grain) =>
        s_ticks.TryGetValue(grain, out var ticks) ? [.. ticks] : [];
}
