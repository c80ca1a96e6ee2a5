namespace FactoryTwin.Telemetry.Validation;

/// <summary>
/// Rounds a reading converted to SI to 12 significant digits. The conversion (°C + 273.15, bar × 1e5) leaves binary
/// noise in the last bits (183.7 °C becomes 456.84999999999997 K instead of 456.85), which no sensor resolves and which
/// stops the historian from storing the value as a short scaled integer.
/// </summary>
internal static class SiValue
{
    private const int SignificantDigits = 12;

    public static double Round(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var decimals = SignificantDigits - 1 - magnitude;
        return decimals switch
        {
            < 0 => value,
            > 15 => value,
            _ => Math.Round(value, decimals, MidpointRounding.ToEven),
        };
    }
}
