using FactoryTwin.Server.Mes;

namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>Where the dashboard reads plan versus actual of the active MES schedule; tests give the page their own.</summary>
public interface IDashboardSchedule
{
    /// <summary>
    /// Reads the active schedule with each order's plan versus actual counted from the historian and each open order's
    /// expected completion — the same answer as <c>GET /api/v1/mes/schedule</c>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The progress, or <see langword="null"/> when no schedule has been imported.</returns>
    Task<ScheduleProgressDto?> GetProgressAsync(CancellationToken cancellationToken = default);
}
