namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>What the twin announced as changed, for a live page to decide whether to re-read.</summary>
/// <param name="Assets">The assets whose view changed.</param>
/// <param name="Lines">Whether the lines' KPIs changed.</param>
/// <param name="Alarms">Whether any alarm changed.</param>
/// <param name="Forecast">Whether a new shift forecast was made.</param>
public sealed record DashboardChange(IReadOnlySet<string> Assets, bool Lines, bool Alarms, bool Forecast)
{
    /// <summary>Gets whether anything changed.</summary>
    public bool Any => Assets.Count > 0 || Lines || Alarms || Forecast;
}
