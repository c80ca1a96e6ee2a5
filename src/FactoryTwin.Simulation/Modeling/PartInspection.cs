using FactoryTwin.Simulation.Engine;

namespace FactoryTwin.Simulation.Modeling;

/// <summary>
/// What an <see cref="IPartInspector"/> is told about a part a station has just finished: which part, when its
/// processing began, and when and for how long processing stood still because the machine was down (a failure: for an
/// oven, its conveyor stopped). Pauses off shift are not stops: they are in <see cref="Time"/> − <see cref="WorkStart"/>
/// but not in <see cref="StoppedTime"/>. Times are simulation seconds.
/// </summary>
public readonly struct PartInspection
{
    private readonly PartAttributeValues _attributes;

    internal PartInspection(int station, int server, int part, PartAttributeValues attributes, double workStart, double time, double workTime, double firstStop, double stoppedTime)
    {
        StoppedTime = stoppedTime;
        Station = station;
        Server = server;
        Part = part;
        _attributes = attributes;
        WorkStart = workStart;
        Time = time;
        WorkTime = workTime;
        FirstStop = firstStop;
    }

    /// <summary>Gets the station's element index.</summary>
    public int Station { get; }

    /// <summary>Gets the machine within the station.</summary>
    public int Server { get; }

    /// <summary>Gets the engine part number (valid while the part is in the line).</summary>
    public int Part { get; }

    /// <summary>Gets the part's variant (attribute <see cref="PartAttributes.Variant"/>).</summary>
    public int Variant => _attributes[PartAttributes.Variant];

    /// <summary>Gets when processing of the part began (after any setup), in seconds.</summary>
    public double WorkStart { get; }

    /// <summary>Gets when processing ended (now), in seconds.</summary>
    public double Time { get; }

    /// <summary>Gets the processing time drawn for the part, in seconds: the time it was actually processed.</summary>
    public double WorkTime { get; }

    /// <summary>Gets when processing first stood still for a failure, in seconds, or NaN when it never did.</summary>
    public double FirstStop { get; }

    /// <summary>Gets the time processing stood still for failures in total, in seconds.</summary>
    public double StoppedTime { get; }

    /// <summary>Gets one of the part's attributes.</summary>
    /// <param name="index">The attribute, 0 to <see cref="PartAttributes.MaxCount"/> − 1.</param>
    /// <returns>Its value.</returns>
    public int Attribute(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, PartAttributes.MaxCount);
        return _attributes[index];
    }
}
