namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>Settings of the dashboard (configuration section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Dashboard";

    /// <summary>Gets or sets how often live pages re-read the twin.</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);
}
