using System.Collections.Immutable;

namespace FactoryTwin.Simulation.Statistics;

/// <summary>
/// The statistics of one replication. Window figures cover [<paramref name="WindowStart"/>,
/// <paramref name="WindowEnd"/>); the part counts for conservation cover the whole run and satisfy
/// InitialWip + PartsEntered = PartsExited + PartsScrapped + FinalWip (parts waiting at a source are
/// not in the line).
/// </summary>
/// <param name="Replication">Replication number.</param>
/// <param name="WindowStart">Start of the statistics window (after warm-up) in seconds.</param>
/// <param name="WindowEnd">End of the statistics window in seconds.</param>
/// <param name="Output">Parts that reached a sink in the window.</param>
/// <param name="ThroughputPerHour">Output per hour of window.</param>
/// <param name="LeadTime">Lead-time distribution of the output.</param>
/// <param name="MeanWip">Time-average number of parts in the line in the window.</param>
/// <param name="WipSeries">Parts in the line at WindowStart + k·<paramref name="WipSampleInterval"/> (empty when not recorded).</param>
/// <param name="WipSampleInterval">Spacing of <paramref name="WipSeries"/> in seconds.</param>
/// <param name="Stations">Per-station statistics in builder order.</param>
/// <param name="Buffers">Per-buffer and per-conveyor statistics in builder order.</param>
/// <param name="InitialWip">Parts in the line at the start (from a snapshot).</param>
/// <param name="PartsEntered">Parts that left a source during the run.</param>
/// <param name="PartsExited">Parts that reached a sink during the run.</param>
/// <param name="PartsScrapped">Parts scrapped during the run.</param>
/// <param name="FinalWip">Parts in the line at the end.</param>
/// <param name="EventCount">Timed events executed.</param>
public sealed record ReplicationResult(
    int Replication,
    double WindowStart,
    double WindowEnd,
    long Output,
    double ThroughputPerHour,
    LeadTimeStatistics LeadTime,
    double MeanWip,
    ImmutableArray<double> WipSeries,
    double WipSampleInterval,
    ImmutableArray<StationStatistics> Stations,
    ImmutableArray<BufferStatistics> Buffers,
    long InitialWip,
    long PartsEntered,
    long PartsExited,
    long PartsScrapped,
    long FinalWip,
    long EventCount)
{
    /// <summary>Finds a station's statistics by name.</summary>
    /// <param name="name">The station name.</param>
    /// <returns>Its statistics.</returns>
    /// <exception cref="KeyNotFoundException">No station has that name.</exception>
    public StationStatistics Station(string name)
    {
        foreach (var s in Stations)
        {
            if (string.Equals(s.Name, name, StringComparison.Ordinal))
            {
                return s;
            }
        }

        throw new KeyNotFoundException($"No station named '{name}'.");
    }

    /// <summary>Finds a buffer's or conveyor's statistics by name.</summary>
    /// <param name="name">The element name.</param>
    /// <returns>Its statistics.</returns>
    /// <exception cref="KeyNotFoundException">No buffer or conveyor has that name.</exception>
    public BufferStatistics Buffer(string name)
    {
        foreach (var b in Buffers)
        {
            if (string.Equals(b.Name, name, StringComparison.Ordinal))
            {
                return b;
            }
        }

        throw new KeyNotFoundException($"No buffer named '{name}'.");
    }
}
