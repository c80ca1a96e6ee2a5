namespace FactoryTwin.Model.Ids;

/// <summary>The identifier of a measurement point on a body style, as written in the plant file.</summary>
/// <param name="Value">The identifier text (letters, digits, '-' and '_').</param>
public readonly record struct PointId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
