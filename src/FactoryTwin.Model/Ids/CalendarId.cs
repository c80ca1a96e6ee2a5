namespace FactoryTwin.Model.Ids;

/// <summary>The identifier of a shift calendar, as written in the plant file.</summary>
/// <param name="Value">The identifier text (letters, digits, '-' and '_').</param>
public readonly record struct CalendarId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
