namespace FactoryTwin.Model.Ids;

/// <summary>The identifier of the site, as written in the plant file.</summary>
/// <param name="Value">The identifier text (letters, digits, '-' and '_').</param>
public readonly record struct SiteId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
