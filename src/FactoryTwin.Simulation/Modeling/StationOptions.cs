using System.Collections.Immutable;

namespace FactoryTwin.Simulation.Modeling;

/// <summary>
/// A station: one or more identical parallel machines, each holding one part. A part stays on its
/// machine after processing until the next element accepts it (blocking after service).
/// </summary>
public sealed record StationOptions
{
    /// <summary>Gets the number of parallel machines (servers).</summary>
    /// <value>The default value is 1.</value>
    public int Servers { get; init; } = 1;

    /// <summary>Gets the processing time per part in seconds.</summary>
    public Distribution ProcessingTime { get; init; } = Distribution.Constant(0);

    /// <summary>Gets optional per-variant processing times (index = variant); variants beyond the list use <see cref="ProcessingTime"/>.</summary>
    public ImmutableArray<Distribution> ProcessingTimeByVariant { get; init; } = [];

    /// <summary>
    /// Gets the failure model, or <see langword="null"/> for none: of each machine, or of the whole station when its
    /// <see cref="FailureModel.Scope"/> is <see cref="FailureScope.Station"/>.
    /// </summary>
    public FailureModel? Failures { get; init; }

    /// <summary>Gets the changeover rules, or <see langword="null"/> for none.</summary>
    public SetupOptions? Setup { get; init; }

    /// <summary>Gets the probability that a processed part is scrapped (leaves the line).</summary>
    /// <value>The default value is 0.</value>
    public double ScrapProbability { get; init; }

    /// <summary>Gets the probability that a processed part goes to <see cref="ReworkTarget"/>.</summary>
    /// <value>The default value is 0.</value>
    public double ReworkProbability { get; init; }

    /// <summary>Gets the element that receives parts to rework; required when <see cref="ReworkProbability"/> &gt; 0.</summary>
    public ElementId? ReworkTarget { get; init; }

    /// <summary>
    /// Gets the quality gate asked first about every finished part, or <see langword="null"/> for none. When it answers
    /// rework or scrap, that is the outcome; when it answers good, <see cref="ScrapProbability"/> and
    /// <see cref="ReworkProbability"/> decide as usual (their draw is made either way, so random streams stay aligned).
    /// A station with an inspector needs a <see cref="ReworkTarget"/>.
    /// </summary>
    public IPartInspector? Inspector { get; init; }

    /// <summary>Gets the shift calendar, or <see langword="null"/> to work around the clock.</summary>
    public ShiftCalendar? Calendar { get; init; }
}
