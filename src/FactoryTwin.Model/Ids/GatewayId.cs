namespace FactoryTwin.Model.Ids;

/// <summary>The identifier of an MQTT publisher (gateway), as written in the plant file.</summary>
/// <param name="Value">The identifier text (letters, digits, '-' and '_').</param>
public readonly record struct GatewayId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
