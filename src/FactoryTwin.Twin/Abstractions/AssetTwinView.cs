using System.Collections.Immutable;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Twin.Abstractions;

/// <summary>The live state of one asset.</summary>
/// <param name="Asset">The asset id.</param>
/// <param name="Line">The line id, or empty when the asset is not in the plant model.</param>
/// <param name="Kind">What the asset is.</param>
/// <param name="State">The station state (stations and ovens), or <see langword="null"/> while unknown (no state message yet, or no station).</param>
/// <param name="StateSince">When the current state began (UTC), or <see langword="null"/>.</param>
/// <param name="SecondsInState">Seconds spent in each state this shift, indexed by <see cref="StationState"/> code (6 entries), up to <see cref="StationKpi.AsOf"/>.</param>
/// <param name="GoodTotal">The latest good counter (running total as the gateway reports it).</param>
/// <param name="ScrapTotal">The latest scrap counter.</param>
/// <param name="Measurements">The latest value of each sensor, with its timestamp.</param>
/// <param name="Bodies">The bodies inside now (from part events), oldest first.</param>
/// <param name="LastTelemetry">The timestamp of the newest telemetry applied, or <see langword="null"/>.</param>
/// <param name="Kpi">The KPIs of the current shift.</param>
/// <param name="Alarms">The alarms that are not normal.</param>
/// <param name="Cure">An oven's latest cure prediction of each body inside (the one behind its under-cure alarms); empty otherwise.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.AssetTwinView")]
public sealed record AssetTwinView(
    [property: Id(0)] string Asset,
    [property: Id(1)] string Line,
    [property: Id(2)] TwinAssetKind Kind,
    [property: Id(3)] StationState? State,
    [property: Id(4)] DateTimeOffset? StateSince,
    [property: Id(5)] ImmutableArray<double> SecondsInState,
    [property: Id(6)] long GoodTotal,
    [property: Id(7)] long ScrapTotal,
    [property: Id(8)] ImmutableArray<TwinMeasurement> Measurements,
    [property: Id(9)] ImmutableArray<TwinBody> Bodies,
    [property: Id(10)] DateTimeOffset? LastTelemetry,
    [property: Id(11)] StationKpi Kpi,
    [property: Id(12)] ImmutableArray<AlarmView> Alarms,
    [property: Id(13)] ImmutableArray<TwinBodyCure> Cure)
{
    /// <summary>Gets the number of bodies inside (a buffer's or conveyor's level).</summary>
    public int Level => Bodies.Length;
}
