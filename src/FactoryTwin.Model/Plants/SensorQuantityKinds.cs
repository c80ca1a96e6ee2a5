using FactoryTwin.Model.Units;

namespace FactoryTwin.Model.Plants;

/// <summary>The units that go with what a sensor measures.</summary>
public static class SensorQuantityKinds
{
    private static readonly QuantityKind PressureKind = new("pressure", Dimension.Pressure, "2 bar", "Pa");
    private static readonly QuantityKind PowerKind = new("power", Dimension.Power, "15 kW", "W");
    private static readonly QuantityKind CurrentKind = new("electric current", Dimension.ElectricCurrent, "5 A", "A");
    private static readonly QuantityKind VoltageKind = new("voltage", Dimension.Voltage, "400 V", "V");
    private static readonly QuantityKind FlowKind = new("volume flow", Dimension.VolumeFlow, "2 L/s", "m3/s");
    private static readonly QuantityKind VibrationKind = new("acceleration", Dimension.Acceleration, "2 m/s2", "m/s2");

    /// <summary>
    /// Gets the SI unit a reading is stored, served and checked in: "K" for a temperature, "Pa" for a pressure, "1" for a
    /// dimensionless fraction such as humidity. The one place that names it, so that the API and the dashboard agree with
    /// the values they show.
    /// </summary>
    /// <param name="quantity">What the sensor measures.</param>
    /// <returns>The unit symbol.</returns>
    public static string SiUnit(SensorQuantity quantity) => Reading(quantity).SiUnit is { Length: > 0 } unit ? unit : "1";

    /// <summary>
    /// Finds how a value in the sensor's own unit (the plant file's <see cref="Sensor.Unit"/>, e.g. degC or %) converts to
    /// the SI unit it is stored in: <c>si = value × Scale + Offset</c>, so <c>value = (si − Offset) / Scale</c>.
    /// </summary>
    /// <param name="sensor">The sensor.</param>
    /// <returns>The scale and offset.</returns>
    /// <exception cref="InvalidOperationException">The sensor's unit does not measure its quantity (a validated plant never has one).</exception>
    public static (double Scale, double Offset) Conversion(Sensor sensor)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        var kind = Reading(sensor.Quantity);
        if (!UnitParser.TryParse("0 " + sensor.Unit, kind, out var zero, out var error, out _) ||
            !UnitParser.TryParse("1 " + sensor.Unit, kind, out var one, out error, out _))
        {
            throw new InvalidOperationException($"sensor '{sensor.Id}' has unit '{sensor.Unit}', which is not a {kind.Name}: {error}");
        }

        return (one - zero, zero);
    }

    /// <summary>Gets the symbol to show a sensor's unit with: the plant file's unit, with degC and degF written °C and °F.</summary>
    /// <param name="sensor">The sensor.</param>
    /// <returns>The display symbol.</returns>
    public static string DisplaySymbol(Sensor sensor)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        return sensor.Unit.Replace("degC", "°C", StringComparison.Ordinal).Replace("degF", "°F", StringComparison.Ordinal);
    }

    /// <summary>Gets the kind of a reading (absolute values: a temperature in kelvin, a pressure in pascal).</summary>
    /// <param name="quantity">What the sensor measures.</param>
    /// <returns>The quantity kind.</returns>
    public static QuantityKind Reading(SensorQuantity quantity) => quantity switch
    {
        SensorQuantity.Temperature => QuantityKind.Temperature,
        SensorQuantity.Pressure => PressureKind,
        SensorQuantity.Humidity => QuantityKind.Number,
        SensorQuantity.Speed => QuantityKind.Speed,
        SensorQuantity.Power => PowerKind,
        SensorQuantity.Current => CurrentKind,
        SensorQuantity.Voltage => VoltageKind,
        SensorQuantity.Flow => FlowKind,
        SensorQuantity.Vibration => VibrationKind,
        SensorQuantity.Level => QuantityKind.Number,
        SensorQuantity.Length => QuantityKind.Length,
        _ => throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "unknown sensor quantity"),
    };

    /// <summary>Gets the kind of a difference of readings (a deadband): for temperature a difference without the °C offset.</summary>
    /// <param name="quantity">What the sensor measures.</param>
    /// <returns>The quantity kind.</returns>
    public static QuantityKind Difference(SensorQuantity quantity) =>
        quantity == SensorQuantity.Temperature ? QuantityKind.TemperatureDifference : Reading(quantity);

    /// <summary>Gets the kind of a rate of change of the reading, per second.</summary>
    /// <param name="quantity">What the sensor measures.</param>
    /// <returns>The quantity kind.</returns>
    public static QuantityKind Rate(SensorQuantity quantity)
    {
        if (quantity == SensorQuantity.Temperature)
        {
            return QuantityKind.TemperatureRate;
        }

        var reading = Reading(quantity);
        var unit = reading.SiUnit.Length == 0 ? "1/s" : "(" + reading.SiUnit + ")/s";
        return new QuantityKind("rate of change of " + reading.Name, reading.Dimension / Dimension.Duration, "1 " + unit, unit);
    }
}
