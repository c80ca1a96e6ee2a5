using Orleans.Runtime;

namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>Records each reminder tick with the silo it arrived on.</summary>
[Orleans.Placement.PreferLocalPlacement]
internal sealed class ReminderProbeGrain(ILocalSiloDetails silo) : Grain, IReminderProbeGrain, IRemindable
{
    public async Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default) =>
        await this.RegisterOrUpdateReminder(name, dueTime, period, cancellationToken);

    public async Task<string[]> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await this.GetReminders(cancellationToken)).Select(r => r.ReminderName).Order(StringComparer.Ordinal)];

    public async Task<bool> UnregisterAsync(string name, CancellationToken cancellationToken = default)
    {
        if (await this.GetReminder(name, cancellationToken) is not { } reminder)
        {
            return false;
        }

        await this.UnregisterReminder(reminder, cancellationToken);
        return true;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderTicks.Record(this.GetPrimaryKeyString(), reminderName, silo.SiloAddress.ToString());
        return Task.CompletedTask;
    }
}
