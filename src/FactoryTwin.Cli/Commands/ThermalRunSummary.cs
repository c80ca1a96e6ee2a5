namespace FactoryTwin.Cli.Commands;

/// <summary>What a thermal run did, in <c>thermal --output json</c>.</summary>
/// <param name="Name">The case name.</param>
/// <param name="Dimensions">1, 2 or 3.</param>
/// <param name="Cells">The cell counts along x, y, z (as many as dimensions).</param>
/// <param name="Scheme">The time scheme, kebab case.</param>
/// <param name="Backend">The backend, kebab case.</param>
/// <param name="EndTimeSeconds">Simulated duration, in seconds.</param>
/// <param name="Steps">Time steps taken.</param>
/// <param name="MeanTimeStepSeconds">The mean step, in seconds.</param>
/// <param name="Outputs">Recorded output times (CSV rows).</param>
/// <param name="WallSeconds">Wall-clock time of the run, in seconds.</param>
internal sealed record ThermalRunSummary(
    string Name,
    int Dimensions,
    IReadOnlyList<int> Cells,
    string Scheme,
    string Backend,
    double EndTimeSeconds,
    long Steps,
    double MeanTimeStepSeconds,
    int Outputs,
    double WallSeconds);
