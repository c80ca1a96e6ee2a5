namespace FactoryTwin.Simulation.Engine;

/// <summary>One part in the line; kept in a pooled array and addressed by index.</summary>
internal struct PartRecord
{
    /// <summary><see cref="Target"/> value: not decided yet.</summary>
    public const int Unassigned = -2;

    /// <summary><see cref="Target"/> value: any output of the current element.</summary>
    public const int AnyOutput = -1;

    /// <summary>The part's attribute values (<see cref="Modeling.PartAttributes"/>); unused attributes are 0.</summary>
    public PartAttributeValues Attributes;

    /// <summary>Time the part left its source (entered the line), in seconds.</summary>
    public double EntryTime;

    /// <summary>Element the part must go to next, <see cref="AnyOutput"/> or <see cref="Unassigned"/>.</summary>
    public int Target;

    public int Reworks;

    /// <summary>Gets the variant (attribute <see cref="Modeling.PartAttributes.Variant"/>).</summary>
    public readonly int Variant => Attributes[Modeling.PartAttributes.Variant];
}
