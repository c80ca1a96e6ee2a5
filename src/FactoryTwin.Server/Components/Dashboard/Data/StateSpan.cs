using FactoryTwin.Model.Plants;

namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>One interval of a station's state timeline.</summary>
/// <param name="Start">The start.</param>
/// <param name="End">The end.</param>
/// <param name="Status">The state.</param>
public readonly record struct StateSpan(DateTimeOffset Start, DateTimeOffset End, StationState? Status);
