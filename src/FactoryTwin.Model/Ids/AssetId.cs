namespace FactoryTwin.Model.Ids;

/// <summary>The identifier of a station, buffer, conveyor, source or sink, as written in the plant file.</summary>
/// <param name="Value">The identifier text (letters, digits, '-' and '_').</param>
public readonly record struct AssetId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
