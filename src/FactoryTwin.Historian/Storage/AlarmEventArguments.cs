namespace FactoryTwin.Historian.Storage;

/// <summary>Checks alarm events before they reach a store.</summary>
internal static class AlarmEventArguments
{
    public static void Check(IReadOnlyList<AlarmEventRecord> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new ArgumentException($"alarm event {i} is null.", nameof(events));
            if (string.IsNullOrEmpty(e.Asset) || string.IsNullOrEmpty(e.Alarm) || string.IsNullOrEmpty(e.Event) || string.IsNullOrEmpty(e.State))
            {
                throw new ArgumentException($"alarm event {i} lacks its asset, alarm, event or state.", nameof(events));
            }
        }
    }
}
