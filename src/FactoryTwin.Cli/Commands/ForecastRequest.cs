namespace FactoryTwin.Cli.Commands;

/// <summary>The parsed arguments of <c>forecast</c>.</summary>
/// <param name="Path">The plant file.</param>
/// <param name="At">The time of day of the snapshot (on Tuesday, after a day of simulated production).</param>
/// <param name="Replications">Number of replications of the rest of the shift.</param>
/// <param name="Seed">Seed of the simulated plant and of the forecast.</param>
/// <param name="Target">The plant's shift target, overriding the plant file's.</param>
/// <param name="Json">Whether to print one JSON document instead of tables.</param>
/// <param name="PlotPath">Where to write the PNG fan chart, if anywhere.</param>
internal sealed record ForecastRequest(string Path, TimeOnly At, int Replications, ulong Seed, int? Target, bool Json, string? PlotPath);
