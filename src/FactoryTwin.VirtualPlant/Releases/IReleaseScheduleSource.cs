using FactoryTwin.Plant.Releases;

namespace FactoryTwin.VirtualPlant.Releases;

/// <summary>
/// Where a hosted virtual plant takes the schedule it releases by: in the server, the MES schedule imported last, with
/// the bodies each order already has. Registered in the host's services; without one the plant runs its random mix.
/// </summary>
public interface IReleaseScheduleSource
{
    /// <summary>Raised when the schedule changed (a new one was imported); the plant then asks <see cref="GetAsync"/> again.</summary>
    event Action? Changed;

    /// <summary>Gets the schedule to release by now, with each order's bodies released so far.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The schedule, or <see langword="null"/> for none (the random mix).</returns>
    Task<ReleaseSchedule?> GetAsync(CancellationToken cancellationToken);
}
