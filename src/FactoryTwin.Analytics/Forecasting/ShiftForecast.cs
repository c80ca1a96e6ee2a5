using System.Collections.Immutable;
using FactoryTwin.Model.Ids;

namespace FactoryTwin.Analytics.Forecasting;

/// <summary>
/// A Monte Carlo forecast of the rest of a shift from a plant snapshot: per line and for the plant, the expected
/// end-of-shift output, its prediction interval, the probability of meeting the target, a fan chart, and how often
/// each station was the bottleneck.
/// </summary>
/// <param name="Instant">The snapshot's instant (the forecast starts there).</param>
/// <param name="End">The instant the forecast runs to (normally the shift end).</param>
/// <param name="Replications">The number of replications.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Coverage">The coverage of the prediction intervals (0.90 for 5th–95th percentiles).</param>
/// <param name="Plant">The plant's output: good parts leaving the lines that end in a sink.</param>
/// <param name="Lines">Per line, in file order.</param>
/// <param name="Bottleneck">The station most often the plant's bottleneck (active-period method), if any was active.</param>
/// <param name="Bottlenecks">How often each station was the plant's bottleneck, most frequent first (stations never the bottleneck are left out).</param>
/// <param name="Elapsed">The time the forecast took.</param>
public sealed record ShiftForecast(
    DateTimeOffset Instant,
    DateTimeOffset End,
    int Replications,
    ulong Seed,
    double Coverage,
    OutputForecast Plant,
    ImmutableArray<LineForecast> Lines,
    AssetId? Bottleneck,
    ImmutableArray<BottleneckFrequency> Bottlenecks,
    TimeSpan Elapsed)
{
    /// <summary>
    /// Gets the start of the shift the forecast covers (from the site's calendar), or <see langword="null"/> for an
    /// explicit horizon. Later than <see cref="Instant"/> when the snapshot was taken off shift: the forecast is then of
    /// the next shift, which has produced nothing yet.
    /// </summary>
    public DateTimeOffset? ShiftStart { get; init; }

    /// <summary>Gets a value indicating whether the snapshot was taken off shift, before the shift the forecast covers.</summary>
    public bool OffShift => ShiftStart is { } start && start > Instant;

    /// <summary>Finds a line's forecast.</summary>
    /// <param name="line">The line id.</param>
    /// <returns>The line's forecast.</returns>
    /// <exception cref="KeyNotFoundException">The plant has no such line.</exception>
    public LineForecast Line(LineId line) =>
        Lines.FirstOrDefault(l => l.Line == line) ?? throw new KeyNotFoundException($"No line '{line}'.");
}
