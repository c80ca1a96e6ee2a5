namespace FactoryTwin.Cli.Commands;

/// <summary>The parsed arguments of <c>simulate</c>. Times in seconds.</summary>
/// <param name="Path">The plant file.</param>
/// <param name="Duration">Length of the statistics window.</param>
/// <param name="WarmUp">Warm-up before the window.</param>
/// <param name="Replications">Number of replications.</param>
/// <param name="Seed">Experiment seed.</param>
/// <param name="Format">Output format.</param>
/// <param name="PlotPath">Where to write the PNG charts, if anywhere.</param>
internal sealed record SimulateRequest(string Path, double Duration, double WarmUp, int Replications, ulong Seed, SimulateFormat Format, string? PlotPath);
