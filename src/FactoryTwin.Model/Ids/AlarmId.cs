namespace FactoryTwin.Model.Ids;

/// <summary>The identifier of an alarm rule, as written in the plant file.</summary>
/// <param name="Value">The identifier text (letters, digits, '-' and '_').</param>
public readonly record struct AlarmId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
