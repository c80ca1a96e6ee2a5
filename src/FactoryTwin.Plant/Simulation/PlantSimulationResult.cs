using System.Collections.Immutable;
using FactoryTwin.Model.Ids;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// The results of a plant simulation: plant-wide figures (parts reaching a sink), per line and per station,
/// each a mean over the replications with its 95 % Student-t interval, and the raw engine results.
/// </summary>
/// <param name="Results">The engine result of each replication (index = replication number).</param>
/// <param name="WindowStart">Start of the statistics window in simulation seconds.</param>
/// <param name="WindowEnd">End of the statistics window in simulation seconds.</param>
/// <param name="Output">Parts that reached a sink in the window.</param>
/// <param name="ThroughputPerHour">Parts reaching a sink per hour of window.</param>
/// <param name="LeadTimeMean">Mean lead time (source to sink) in seconds.</param>
/// <param name="LeadTimeP90">90th percentile of the lead time in seconds.</param>
/// <param name="MeanWip">Time-average number of parts in the plant.</param>
/// <param name="Lines">Per line, in file order.</param>
/// <param name="Bottleneck">The plant's bottleneck station (largest mean sole + shifting share, active-period method).</param>
/// <param name="SeriesInterval">Spacing of the output series in seconds (0 when none was recorded).</param>
/// <param name="OutputSeries">Mean parts reaching a sink per series interval.</param>
public sealed record PlantSimulationResult(
    ImmutableArray<ReplicationResult> Results,
    double WindowStart,
    double WindowEnd,
    Estimate Output,
    Estimate ThroughputPerHour,
    Estimate LeadTimeMean,
    Estimate LeadTimeP90,
    Estimate MeanWip,
    ImmutableArray<PlantLineResult> Lines,
    AssetId? Bottleneck,
    double SeriesInterval,
    ImmutableArray<double> OutputSeries)
{
    /// <summary>Gets the number of replications.</summary>
    public int Replications => Results.Length;

    /// <summary>Summarizes any per-replication figure as a mean with a Student-t confidence interval.</summary>
    /// <param name="metric">Extracts the figure from one replication.</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    /// <returns>The estimate.</returns>
    public Estimate Summarize(Func<ReplicationResult, double> metric, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var values = new double[Results.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = metric(Results[i]);
        }

        return Estimate.From(values, confidence);
    }

    /// <summary>Finds a line's results.</summary>
    /// <param name="line">The line id.</param>
    /// <returns>The line's results.</returns>
    /// <exception cref="KeyNotFoundException">The plant has no such line.</exception>
    public PlantLineResult Line(LineId line) =>
        Lines.FirstOrDefault(l => l.Line == line) ?? throw new KeyNotFoundException($"No line '{line}'.");

    /// <summary>Finds a station's results.</summary>
    /// <param name="station">The station's asset id.</param>
    /// <returns>The station's results.</returns>
    /// <exception cref="KeyNotFoundException">The plant has no such station.</exception>
    public PlantStationResult Station(AssetId station) =>
        Lines.SelectMany(l => l.Stations).FirstOrDefault(s => s.Station == station) ?? throw new KeyNotFoundException($"No station '{station}'.");
}
