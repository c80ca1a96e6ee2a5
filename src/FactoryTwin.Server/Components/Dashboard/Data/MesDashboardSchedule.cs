using FactoryTwin.Server.Mes;

namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>The dashboard's plan versus actual, read through the MES API's own <see cref="ScheduleProgressReader"/>.</summary>
internal sealed class MesDashboardSchedule : IDashboardSchedule
{
    private readonly ScheduleProgressReader _reader;

    public MesDashboardSchedule(ScheduleProgressReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
    }

    public Task<ScheduleProgressDto?> GetProgressAsync(CancellationToken cancellationToken = default) => _reader.ReadAsync(cancellationToken);
}
