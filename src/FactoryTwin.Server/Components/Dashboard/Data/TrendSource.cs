namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>A historian series a trend can show.</summary>
/// <param name="Series">The series id (<c>{asset}/{channel}</c>).</param>
/// <param name="Label">The label.</param>
/// <param name="Unit">The unit of the stored values (SI).</param>
public sealed record TrendSource(string Series, string Label, string Unit);
