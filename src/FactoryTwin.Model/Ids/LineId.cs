namespace FactoryTwin.Model.Ids;

/// <summary>The identifier of a production line, as written in the plant file.</summary>
/// <param name="Value">The identifier text (letters, digits, '-' and '_').</param>
public readonly record struct LineId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
