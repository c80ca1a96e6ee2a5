namespace FactoryTwin.Cli.Commands;

/// <summary>The schedule a <c>mes sequence --schedule/--active</c> run sequenced, in its JSON.</summary>
/// <param name="Id">The schedule's id.</param>
/// <param name="Orders">Its orders.</param>
/// <param name="Bodies">The bodies they expand to.</param>
/// <param name="Start">The instant of position 1: the earliest start of any order.</param>
/// <param name="TaktSeconds">The paint line's seconds per body that turned due times into due positions.</param>
/// <param name="TaktBasis">Where the takt comes from (the plant's paint line, or <c>--takt</c>).</param>
internal sealed record MesSequenceSchedule(string Id, int Orders, long Bodies, DateTimeOffset Start, double TaktSeconds, string TaktBasis);
