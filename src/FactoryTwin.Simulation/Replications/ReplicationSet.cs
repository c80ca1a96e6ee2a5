using System.Collections.Immutable;
using FactoryTwin.Simulation.Statistics;

namespace FactoryTwin.Simulation.Replications;

/// <summary>The results of independent replications, in replication order, with confidence intervals.</summary>
public sealed class ReplicationSet
{
    internal ReplicationSet(ImmutableArray<ReplicationResult> results) => Results = results;

    /// <summary>Gets the per-replication results; index = replication number.</summary>
    public ImmutableArray<ReplicationResult> Results { get; }

    /// <summary>Gets the throughput per hour over the statistics window.</summary>
    public Estimate ThroughputPerHour => Summarize(r => r.ThroughputPerHour);

    /// <summary>Gets the mean lead time in seconds.</summary>
    public Estimate LeadTimeMean => Summarize(r => r.LeadTime.Mean);

    /// <summary>Gets the time-average WIP.</summary>
    public Estimate MeanWip => Summarize(r => r.MeanWip);

    /// <summary>Summarizes any per-replication figure as a mean with a Student-t confidence interval.</summary>
    /// <param name="metric">Extracts the figure from one replication.</param>
    /// <param name="confidence">Confidence level.</param>
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

    /// <summary>Summarizes a per-station figure.</summary>
    /// <param name="station">Station name.</param>
    /// <param name="metric">Extracts the figure from the station's statistics.</param>
    /// <param name="confidence">Confidence level.</param>
    /// <returns>The estimate.</returns>
    public Estimate Station(string station, Func<StationStatistics, double> metric, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return Summarize(r => metric(r.Station(station)), confidence);
    }
}
