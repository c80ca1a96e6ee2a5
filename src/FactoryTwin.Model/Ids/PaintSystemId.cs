namespace FactoryTwin.Model.Ids;

/// <summary>The identifier of a paint system, as written in the plant file.</summary>
/// <param name="Value">The identifier text (letters, digits, '-' and '_').</param>
public readonly record struct PaintSystemId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
