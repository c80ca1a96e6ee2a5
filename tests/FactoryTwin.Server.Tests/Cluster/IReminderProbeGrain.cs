namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>A test grain that registers, lists and unregisters reminders; its ticks are recorded in <see cref="ReminderTicks"/>.</summary>
[Alias("FactoryTwin.Server.Tests.Cluster.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers (or changes) a reminder.</summary>
    [Alias("Register")]
    Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default);

    /// <summary>Gets the names of the grain's reminders.</summary>
    [Alias("List")]
    Task<string[]> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Unregisters a reminder; returns false when the grain has none of that name.</summary>
    [Alias("Unregister")]
    Task<bool> UnregisterAsync(string name, CancellationToken cancellationToken = default);
}
