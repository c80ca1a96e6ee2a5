using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Simulation.Engine;

/// <summary>Cheap reads of running counters, for callers that sample a run often (forecast fan charts).</summary>
public sealed partial class LineSimulation
{
    /// <summary>
    /// Gets the good parts a station has finished in the statistics window so far (processed, neither scrapped nor
    /// sent to rework): the same figure as <see cref="Statistics.StationStatistics.Good"/> of <see cref="GetResult"/>,
    /// read without building a result (no allocation).
    /// </summary>
    /// <param name="station">A station of the model.</param>
    /// <returns>Good parts in the window.</returns>
    /// <exception cref="ArgumentException"><paramref name="station"/> is not a station of the model.</exception>
    public long GoodCount(ElementId station)
    {
        int e = station.Index;
        if ((uint)e >= (uint)_defs.Length || _defs[e].Kind != ElementKind.Station)
        {
            throw new ArgumentException("The element is not a station of the model.", nameof(station));
        }

        return _processed[e] - _scrapped[e] - _reworked[e];
    }

    /// <summary>
    /// Gets the parts that reached a sink in the statistics window so far: the same figure as
    /// <see cref="Statistics.ReplicationResult.Output"/> of <see cref="GetResult"/>, read without building a result.
    /// </summary>
    public long OutputCount => _exitedWindow;
}
