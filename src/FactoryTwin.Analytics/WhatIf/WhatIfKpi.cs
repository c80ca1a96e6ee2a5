namespace FactoryTwin.Analytics.WhatIf;

/// <summary>A figure compared between the baseline and a scenario.</summary>
/// <param name="Key">A stable key (<c>output</c>, <c>throughput</c>, <c>lead-time</c>, <c>wip</c>, <c>line-output:{line}</c>).</param>
/// <param name="Name">A display name.</param>
/// <param name="Unit">The unit of its values (<c>jobs</c>, <c>jobs/h</c>, <c>s</c>, <c>parts</c>).</param>
/// <param name="HigherIsBetter">Whether an increase is an improvement.</param>
public sealed record WhatIfKpi(string Key, string Name, string Unit, bool HigherIsBetter);
