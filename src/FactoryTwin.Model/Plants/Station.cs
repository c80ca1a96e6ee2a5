using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Distributions;

namespace FactoryTwin.Model.Plants;

/// <summary>A workstation: one or more identical servers that process one part each.</summary>
public sealed record Station : FlowElement
{
    /// <summary>Gets what kind of work the station does.</summary>
    public required StationKind Kind { get; init; }

    /// <summary>Gets the number of parts processed at the same time, at least 1.</summary>
    /// <value>The default value is 1.</value>
    public int Servers { get; init; } = 1;

    /// <summary>Gets the processing time per part, in seconds; <see langword="null"/> for an oven, whose time is its transit time.</summary>
    public Distribution? ProcessingTime { get; init; }

    /// <summary>Gets the ideal cycle time for OEE, in seconds, when it differs from the mean processing time.</summary>
    public double? IdealCycleTime { get; init; }

    /// <summary>Gets the changeover rule, when the station needs one.</summary>
    public SetupRule? Setup { get; init; }

    /// <summary>Gets the failure modes.</summary>
    public ValueList<FailureMode> Failures { get; init; } = ValueList<FailureMode>.Empty;

    /// <summary>
    /// Gets what a failure takes down when the failure mode does not say: the whole station for an oven (its conveyor
    /// carries every body), each server on its own for any other station.
    /// </summary>
    public FailureScope DefaultFailureScope => Kind == StationKind.Oven ? FailureScope.Station : FailureScope.Server;

    /// <summary>
    /// Gets what the station's failures take down: the scope its failure modes give (a valid plant gives all of a
    /// station's modes the same one), or <see cref="DefaultFailureScope"/>.
    /// </summary>
    public FailureScope FailureScope => ScopeOf(Failures.Items.IsEmpty ? null : Failures.Items[0]);

    /// <summary>Gets the probability that a part is scrapped at this station.</summary>
    public double Scrap { get; init; }

    /// <summary>Gets where and how often parts are sent to rework.</summary>
    public Rework? Rework { get; init; }

    /// <summary>Gets the oven, for a station of kind <see cref="StationKind.Oven"/>.</summary>
    public Oven? Oven { get; init; }

    /// <summary>Gets the mean time a part spends in one server, in seconds (the oven transit time for an oven).</summary>
    public double MeanProcessingTime => Oven?.TransitTime ?? ProcessingTime?.Mean ?? 0;

    /// <summary>Gets the number of parts the station holds at once (oven capacity for an oven).</summary>
    public int Capacity => Oven?.Capacity ?? Servers;

    /// <summary>Gets what <paramref name="failure"/> takes down at this station: its own scope or the station's default.</summary>
    /// <param name="failure">One of the station's failure modes, or <see langword="null"/> for the default.</param>
    /// <returns>The failure mode's scope, or <see cref="DefaultFailureScope"/> when it gives none.</returns>
    public FailureScope ScopeOf(FailureMode? failure) => failure?.Scope ?? DefaultFailureScope;
}
