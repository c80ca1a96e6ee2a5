namespace FactoryTwin.Twin.Hosting;

/// <summary>One line of the plant model, as its twin needs it.</summary>
/// <param name="Id">The line id.</param>
/// <param name="ShiftTarget">The shift target, or <see langword="null"/>.</param>
/// <param name="Stations">Its stations and ovens.</param>
/// <param name="Sinks">Its sinks.</param>
/// <param name="Exits">The elements that hand bodies off the line (to another line or out of the plant), from <see cref="Model.Plants.Line.OutputElements"/>; sinks count on entry and are in <paramref name="Sinks"/>.</param>
/// <param name="Assets">All its flow elements.</param>
/// <param name="Clock">Its shift clock.</param>
internal sealed record LineInfo(string Id, int? ShiftTarget, string[] Stations, string[] Sinks, string[] Exits, string[] Assets, ShiftClock Clock);
