namespace FactoryTwin.Twin.Hosting;

/// <summary>One line of the plant model, as its twin needs it.</summary>
/// <param name="Id">The line id.</param>
/// <param name="ShiftTarget">The shift target, or <see langword="null"/>.</param>
/// <param name="Stations">Its stations and ovens.</param>
/// <param name="Sinks">Its sinks.</param>
/// <param name="Exits">Its exit elements: sinks, and elements that hand bodies to another line.</param>
/// <param name="Assets">All its flow elements.</param>
/// <param name="Clock">Its shift clock.</param>
internal sealed record LineInfo(string Id, int? ShiftTarget, string[] Stations, string[] Sinks, string[] Exits, string[] Assets, ShiftClock Clock);
