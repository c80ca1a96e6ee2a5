using FactoryTwin.Analytics.Sequencing;

namespace FactoryTwin.Cli.Commands;

/// <summary>The JSON of <c>factorytwin mes sequence</c>.</summary>
/// <param name="File">The input file.</param>
/// <param name="Format">bodies (CSV), csplib or b2mml (a schedule).</param>
/// <param name="Status">optimal, feasible, infeasible or unknown.</param>
/// <param name="Message">The outcome in one sentence.</param>
/// <param name="Objective">The cost of the sequence.</param>
/// <param name="BestBound">The proven lower bound on the cost.</param>
/// <param name="Gap">(objective − bound) / objective; 0 when optimal.</param>
/// <param name="ElapsedSeconds">The run time.</param>
/// <param name="Classes">Classes of interchangeable bodies.</param>
/// <param name="Windows">CP-SAT models solved (1, or the rolling windows of a large day).</param>
/// <param name="Result">The sequence's counts.</param>
/// <param name="Baseline">The counts of the bodies in their given order (first come, first served).</param>
/// <param name="Heuristic">The counts of the greedy sequence that seeded the search.</param>
/// <param name="Sequence">The bodies in paint order.</param>
/// <param name="Schedule">The schedule sequenced (format b2mml), or <see langword="null"/> for a bodies file.</param>
internal sealed record MesSequenceReport(
    string File,
    string Format,
    SequencingStatus Status,
    string Message,
    long Objective,
    long BestBound,
    double Gap,
    double ElapsedSeconds,
    int Classes,
    int Windows,
    SequenceEvaluation Result,
    SequenceEvaluation Baseline,
    SequenceEvaluation Heuristic,
    IReadOnlyList<MesSequenceRow> Sequence,
    MesSequenceSchedule? Schedule = null);

/// <summary>One position of the sequence.</summary>
/// <param name="Position">The 1-based position.</param>
/// <param name="Id">The body.</param>
/// <param name="Colour">Its colour.</param>
/// <param name="Options">Its options.</param>
/// <param name="Due">Its due position, if any.</param>
internal sealed record MesSequenceRow(int Position, string Id, string Colour, IReadOnlyList<string> Options, int? Due);
