using FactoryTwin.Server.Mes;

namespace FactoryTwin.Dashboard.Tests.TestSupport;

/// <summary>Plan versus actual a test sets by hand; counts the reads and can hold them back or fail them.</summary>
internal sealed class FakeDashboardSchedule : IDashboardSchedule
{
    /// <summary>Gets or sets what a read returns (<see langword="null"/>: no schedule imported).</summary>
    public ScheduleProgressDto? Progress { get; set; }

    /// <summary>Gets or sets an exception every read throws (the historian is unavailable, say).</summary>
    public Exception? Failure { get; set; }

    /// <summary>Gets or sets a gate that holds reads back until it completes (a slow first load).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Gets the number of reads.</summary>
    public int Reads { get; private set; }

    public async Task<ScheduleProgressDto?> GetProgressAsync(CancellationToken cancellationToken = default)
    {
        Reads++;
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        return Failure is { } failure ? throw failure : Progress;
    }
}
