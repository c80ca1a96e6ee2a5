using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Analytics.Fitting;

/// <summary>What the historian holds about one station over the fitted range.</summary>
/// <param name="Station">The station.</param>
/// <param name="States">Its state intervals in time order, clipped to the range (so the first may have started earlier and the last may go on).</param>
/// <param name="Parts">Its part enter and exit events in time order.</param>
public sealed record StationHistory(AssetId Station, IReadOnlyList<StateSpan> States, IReadOnlyList<PartEvent> Parts);
