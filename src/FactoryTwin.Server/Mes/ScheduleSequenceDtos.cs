using FactoryTwin.Server.Api;

namespace FactoryTwin.Server.Mes;

/// <summary>The optional body of <c>POST /api/v1/mes/schedule/sequence</c>.</summary>
/// <param name="Rules">The rules, as for <c>POST /api/v1/mes/sequence</c>; omitted: no batch limit, no ratios, soft dues.</param>
/// <param name="TaktSeconds">The paint line's seconds per body (1 to 86400); omitted: its shift length / shift target in the plant.</param>
/// <param name="TimeLimitSeconds">The search's time limit, more than 0 and at most 60 s; default 10.</param>
/// <param name="Workers">CP-SAT workers, 1 to the host's processor count; default 2 (or fewer processors).</param>
internal sealed record ScheduleSequenceRequest(SequenceRulesDto? Rules, double? TaktSeconds, double? TimeLimitSeconds, int? Workers);

/// <summary>The answer of <c>POST /api/v1/mes/schedule/sequence</c>: the schedule sequenced and the sequence.</summary>
/// <param name="Schedule">The active schedule's id.</param>
/// <param name="Orders">Its orders.</param>
/// <param name="Bodies">The bodies they expand to, in schedule order (the first-come-first-served baseline).</param>
/// <param name="Start">The instant of position 1: the earliest start of any order.</param>
/// <param name="TaktSeconds">The seconds per body that turned due times into due positions.</param>
/// <param name="TaktBasis">Where the takt comes from.</param>
/// <param name="Sequencing">The sequence with its counts against first come, first served.</param>
internal sealed record ScheduleSequenceView(
    string Schedule, int Orders, long Bodies, DateTimeOffset Start, double TaktSeconds, string TaktBasis, SequenceView Sequencing);
