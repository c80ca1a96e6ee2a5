using FactoryTwin.Model.Plants;

namespace FactoryTwin.Twin.Abstractions;

/// <summary>A station's KPIs inside a <see cref="LineTwinView"/>.</summary>
/// <param name="Station">The station id.</param>
/// <param name="State">Its state now.</param>
/// <param name="Kpi">Its KPIs.</param>
[GenerateSerializer, Immutable, Alias("FactoryTwin.Twin.StationKpiEntry")]
public sealed record StationKpiEntry(
    [property: Id(0)] string Station,
    [property: Id(1)] StationState? State,
    [property: Id(2)] StationKpi Kpi);
