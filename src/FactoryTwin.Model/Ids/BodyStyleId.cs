namespace FactoryTwin.Model.Ids;

/// <summary>The identifier of a body style, as written in the plant file.</summary>
/// <param name="Value">The identifier text (letters, digits, '-' and '_').</param>
public readonly record struct BodyStyleId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
