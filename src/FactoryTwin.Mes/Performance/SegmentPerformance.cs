using FactoryTwin.Model.Ids;

namespace FactoryTwin.Mes.Performance;

/// <summary>What one line (process segment) did for one order in the report window.</summary>
/// <param name="Line">The line.</param>
/// <param name="Produced">Bodies of the order that left the line as its output in the window.</param>
/// <param name="Scrapped">Bodies of the order scrapped on the line in the window.</param>
/// <param name="FirstAt">The first of those events; <see langword="null"/> when there were none.</param>
/// <param name="LastAt">The last of those events; <see langword="null"/> when there were none.</param>
public sealed record SegmentPerformance(LineId Line, int Produced, int Scrapped, DateTimeOffset? FirstAt, DateTimeOffset? LastAt);
