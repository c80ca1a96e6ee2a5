using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Mes.Performance;

/// <summary>The time one station spent in one non-productive state in the report window.</summary>
/// <param name="Line">The station's line.</param>
/// <param name="Station">The station.</param>
/// <param name="Reason">The state: down (failure), setup, blocked or starved.</param>
/// <param name="Seconds">The time in the state inside the window, in seconds.</param>
/// <param name="Occurrences">How many intervals of the state began or were in force in the window.</param>
public sealed record StationDowntime(LineId Line, AssetId Station, StationState Reason, double Seconds, int Occurrences);
