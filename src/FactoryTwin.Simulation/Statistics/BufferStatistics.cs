using System.Collections.Immutable;

namespace FactoryTwin.Simulation.Statistics;

/// <summary>Time-weighted occupancy of a buffer or conveyor over the statistics window.</summary>
/// <param name="Name">Element name.</param>
/// <param name="Capacity">Capacity in parts (<c>int.MaxValue</c> for unbounded).</param>
/// <param name="MeanLevel">Time-average number of parts.</param>
/// <param name="LevelFractions">Fraction of time at each level 0, 1, …; the last entry also counts all higher levels (at most 256 levels are kept).</param>
/// <param name="FinalLevel">Number of parts at the end of the run.</param>
public sealed record BufferStatistics(string Name, int Capacity, double MeanLevel, ImmutableArray<double> LevelFractions, int FinalLevel);
