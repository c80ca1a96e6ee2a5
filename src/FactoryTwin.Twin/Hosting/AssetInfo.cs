using FactoryTwin.Model.Plants;
using FactoryTwin.Twin.Abstractions;

namespace FactoryTwin.Twin.Hosting;

/// <summary>One asset of the plant model, as its twin needs it.</summary>
/// <param name="Id">The asset id.</param>
/// <param name="Line">The line id.</param>
/// <param name="Kind">What it is.</param>
/// <param name="IdealCycleTime">The ideal cycle time per part for OEE, in seconds (0 for non-stations).</param>
/// <param name="Rules">The alarm rules it evaluates.</param>
/// <param name="Oven">The oven, for an oven.</param>
/// <param name="Station">The station, for a station or an oven.</param>
/// <param name="Clock">The shift clock of its line.</param>
internal sealed record AssetInfo(string Id, string Line, TwinAssetKind Kind, double IdealCycleTime, AlarmRule[] Rules, Oven? Oven, Station? Station, ShiftClock Clock);
