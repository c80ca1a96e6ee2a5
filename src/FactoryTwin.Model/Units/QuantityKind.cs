namespace FactoryTwin.Model.Units;

/// <summary>What a field of the plant file measures: its dimension, how to name it and an example value.</summary>
/// <param name="Name">The quantity's name in messages ("duration").</param>
/// <param name="Dimension">The SI dimension a value must have.</param>
/// <param name="Example">An example value with a unit, shown in messages ("60 s").</param>
/// <param name="SiUnit">The SI unit the value is stored in ("s"), used when writing a model back.</param>
/// <param name="IsAbsoluteTemperature">Whether °C and °F are converted with their offset (a temperature, not a difference).</param>
public sealed record QuantityKind(string Name, Dimension Dimension, string Example, string SiUnit, bool IsAbsoluteTemperature = false)
{
    /// <summary>Gets a pure number (a count, a probability, a factor).</summary>
    public static QuantityKind Number { get; } = new("number", Dimension.None, "0.5", string.Empty);

    /// <summary>Gets a duration, stored in seconds.</summary>
    public static QuantityKind Duration { get; } = new("duration", Dimension.Duration, "60 s", "s");

    /// <summary>Gets a length, stored in metres.</summary>
    public static QuantityKind Length { get; } = new("length", Dimension.Distance, "0.8 mm", "m");

    /// <summary>Gets a speed, stored in metres per second.</summary>
    public static QuantityKind Speed { get; } = new("speed", Dimension.Speed, "4 m/min", "m/s");

    /// <summary>Gets an absolute temperature, stored in kelvin.</summary>
    public static QuantityKind Temperature { get; } = new("temperature", Dimension.Thermodynamic, "180 degC", "K", IsAbsoluteTemperature: true);

    /// <summary>Gets a temperature difference, stored in kelvin.</summary>
    public static QuantityKind TemperatureDifference { get; } = new("temperature difference", Dimension.Thermodynamic, "2 K", "K");

    /// <summary>Gets a rate of temperature change, stored in kelvin per second.</summary>
    public static QuantityKind TemperatureRate { get; } = new("rate of temperature change", Dimension.TemperatureRate, "5 K/min", "K/s");

    /// <summary>Gets a heat-transfer coefficient, stored in W/(m²·K).</summary>
    public static QuantityKind HeatTransferCoefficient { get; } = new("heat-transfer coefficient", Dimension.HeatTransferCoefficient, "25 W/(m2.K)", "W/(m2.K)");

    /// <summary>Gets a thermal conductivity, stored in W/(m·K).</summary>
    public static QuantityKind ThermalConductivity { get; } = new("thermal conductivity", Dimension.ThermalConductivity, "50 W/(m.K)", "W/(m.K)");

    /// <summary>Gets a density, stored in kg/m³.</summary>
    public static QuantityKind Density { get; } = new("density", Dimension.Density, "7850 kg/m3", "kg/m3");

    /// <summary>Gets a specific heat capacity, stored in J/(kg·K).</summary>
    public static QuantityKind SpecificHeat { get; } = new("specific heat capacity", Dimension.SpecificHeat, "470 J/(kg.K)", "J/(kg.K)");

    /// <summary>Gets a molar energy (an activation energy), stored in J/mol.</summary>
    public static QuantityKind MolarEnergy { get; } = new("molar energy", Dimension.MolarEnergy, "80 kJ/mol", "J/mol");
}
