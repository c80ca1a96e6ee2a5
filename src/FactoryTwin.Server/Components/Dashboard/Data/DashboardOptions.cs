namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>Settings of the dashboard (configuration section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Dashboard";

    /// <summary>
    /// Gets or sets the shortest time between two re-reads of a live page. Pages re-read when the twin announces a change
    /// that concerns them, not on a timer; changes within this time are shown together.
    /// </summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);
}
