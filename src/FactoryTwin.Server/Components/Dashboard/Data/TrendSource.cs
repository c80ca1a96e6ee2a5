namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>A historian series a trend can show, and how to show its stored SI values in the sensor's own unit.</summary>
/// <param name="Series">The series id (<c>{asset}/{channel}</c>).</param>
/// <param name="Label">The label.</param>
/// <param name="Unit">The unit the trend is drawn in (the plant file's unit of the sensor: °C, %, bar).</param>
/// <param name="Scale">The factor from the drawn unit to the stored SI value (<c>si = shown × Scale + Offset</c>).</param>
/// <param name="Offset">The offset from the drawn unit to the stored SI value (273.15 for °C).</param>
public sealed record TrendSource(string Series, string Label, string Unit, double Scale = 1, double Offset = 0)
{
    /// <summary>Converts a stored SI value to the unit the trend is drawn in.</summary>
    /// <param name="si">The stored value.</param>
    /// <returns>The value in <see cref="Unit"/>.</returns>
    public double Show(double si) => (si - Offset) / Scale;
}
