namespace FactoryTwin.Model.Plants;

/// <summary>A conveyor that carries parts at a fixed pitch: it holds <see cref="Capacity"/> parts and takes <see cref="TransitTime"/>.</summary>
public sealed record Conveyor : FlowElement
{
    /// <summary>Gets the length, in metres.</summary>
    public required double Length { get; init; }

    /// <summary>Gets the speed, in metres per second.</summary>
    public required double Speed { get; init; }

    /// <summary>Gets the distance between carriers, in metres.</summary>
    public required double Pitch { get; init; }

    /// <summary>Gets the number of carriers on the conveyor: ⌊length / pitch⌋, at least 1.</summary>
    public int Capacity => Math.Max(1, (int)Math.Floor((Length / Pitch) + 1e-9));

    /// <summary>Gets the time a part takes from end to end, in seconds: length / speed.</summary>
    public double TransitTime => Length / Speed;
}
