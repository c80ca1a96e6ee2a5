using FactoryTwin.Analytics.Sequencing;

namespace FactoryTwin.Server.Api;

/// <summary>The body of <c>POST /api/v1/mes/sequence</c>: bodies, or orders to expand into bodies, and the rules.</summary>
/// <param name="Bodies">The bodies in first-come-first-served order.</param>
/// <param name="Orders">Orders of a schedule (e.g. an imported B2MML schedule), each expanded into <c>quantity</c> bodies.</param>
/// <param name="Rules">The rules; omitted: no batch limit, no ratios, soft dues.</param>
/// <param name="TimeLimitSeconds">The search's time limit, more than 0 and at most 60 s; default 10.</param>
/// <param name="Workers">CP-SAT workers, 1 to the host's processor count; default 2 (or fewer processors).</param>
internal sealed record SequenceRequest(
    IReadOnlyList<SequenceBodyDto>? Bodies, IReadOnlyList<SequenceOrderDto>? Orders, SequenceRulesDto? Rules, double? TimeLimitSeconds, int? Workers);

/// <summary>A body to sequence.</summary>
internal sealed record SequenceBodyDto(string? Id, string? Colour, IReadOnlyList<string>? Options, int? Due);

/// <summary>An order of the schedule.</summary>
internal sealed record SequenceOrderDto(string? Id, string? Variant, string? Colour, IReadOnlyList<string>? Options, int Quantity, int? Due);

/// <summary>The rules of a sequencing request.</summary>
internal sealed record SequenceRulesDto(
    int? MaxBatch, string? Batch, int? BatchWeight, int? ColourChangeWeight, string? Due, int? DueWeight, IReadOnlyList<SequenceRatioDto>? Options);

/// <summary>An option ratio p/q.</summary>
internal sealed record SequenceRatioDto(string? Option, int P, int Q, string? Mode, int? Weight);

/// <summary>The answer of <c>POST /api/v1/mes/sequence</c>.</summary>
internal sealed record SequenceView(
    string Status,
    string Message,
    long Objective,
    long BestBound,
    double Gap,
    double ElapsedSeconds,
    int Classes,
    int Windows,
    SequenceCountsView Result,
    SequenceCountsView Baseline,
    IReadOnlyList<SequencePositionView> Sequence)
{
    public static SequenceView From(SequencingResult r) => new(
        r.Status.ToString().ToLowerInvariant(),
        r.Message,
        r.Objective,
        r.BestBound,
        Math.Round(r.Gap, 6),
        Math.Round(r.Elapsed.TotalSeconds, 3),
        r.Classes,
        r.Windows,
        SequenceCountsView.From(r.Evaluation),
        SequenceCountsView.From(r.Baseline),
        [.. r.Sequence.Select((b, i) => new SequencePositionView(i + 1, b.Id, b.Colour, b.Options, b.DuePosition))]);
}

/// <summary>A sequence's colour changes and violations.</summary>
internal sealed record SequenceCountsView(
    int ColourChanges, int LongestBatch, int BatchViolations, IReadOnlyList<SequenceOptionCountView> Options, int LateBodies, int Tardiness, int HardViolations, long Cost)
{
    public static SequenceCountsView From(SequenceEvaluation e) => new(
        e.ColourChanges, e.LongestBatch, e.BatchViolations,
        [.. e.Options.Select(o => new SequenceOptionCountView(o.Option, o.P, o.Q, o.Mode == ConstraintMode.Hard ? "hard" : "soft", o.Violations))],
        e.LateBodies, e.Tardiness, e.HardViolations, e.Cost);
}

/// <summary>The violations of one option ratio.</summary>
internal sealed record SequenceOptionCountView(string Option, int P, int Q, string Mode, int Violations);

/// <summary>One position of the sequence.</summary>
internal sealed record SequencePositionView(int Position, string Id, string Colour, IReadOnlyList<string> Options, int? Due);
