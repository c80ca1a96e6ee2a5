using System.Collections.Frozen;
using System.Globalization;
using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Model.Units;

/// <summary>
/// Parses quantities written with units (<c>60 s</c>, <c>2.5 min</c>, <c>180 degC</c>, <c>25 W/(m2.K)</c>) into SI values.
/// Unit expressions multiply with <c>.</c>, <c>*</c> or <c>·</c>, divide with <c>/</c> (which binds to the next factor only,
/// as in UCUM), group with parentheses and raise to integer powers with a trailing number (<c>m2</c>, <c>m^2</c>, <c>s-1</c>).
/// </summary>
public static class UnitParser
{
    private static readonly Dimension Energy = new(2, 1, -2, 0, 0, 0);
    private static readonly Dimension Mass = new(0, 1, 0, 0, 0, 0);
    private static readonly Dimension Force = new(1, 1, -2, 0, 0, 0);
    private static readonly Dimension Volume = new(3, 0, 0, 0, 0, 0);
    private static readonly Dimension Amount = new(0, 0, 0, 0, 1, 0);

    private static readonly FrozenDictionary<string, UnitDefinition> Table = Build(
        ("s", 1, Dimension.Duration), ("ms", 1e-3, Dimension.Duration), ("min", 60, Dimension.Duration),
        ("h", 3600, Dimension.Duration), ("d", 86400, Dimension.Duration),
        ("m", 1, Dimension.Distance), ("mm", 1e-3, Dimension.Distance), ("cm", 1e-2, Dimension.Distance),
        ("km", 1e3, Dimension.Distance), ("um", 1e-6, Dimension.Distance), ("µm", 1e-6, Dimension.Distance), ("μm", 1e-6, Dimension.Distance),
        ("kg", 1, Mass), ("g", 1e-3, Mass), ("t", 1e3, Mass),
        ("K", 1, Dimension.Thermodynamic),
        ("J", 1, Energy), ("kJ", 1e3, Energy), ("MJ", 1e6, Energy), ("Wh", 3600, Energy), ("kWh", 3.6e6, Energy),
        ("W", 1, Dimension.Power), ("kW", 1e3, Dimension.Power), ("MW", 1e6, Dimension.Power),
        ("N", 1, Force), ("Pa", 1, Dimension.Pressure), ("hPa", 1e2, Dimension.Pressure), ("kPa", 1e3, Dimension.Pressure),
        ("MPa", 1e6, Dimension.Pressure), ("bar", 1e5, Dimension.Pressure), ("mbar", 1e2, Dimension.Pressure),
        ("mol", 1, Amount), ("kmol", 1e3, Amount),
        ("A", 1, Dimension.ElectricCurrent), ("mA", 1e-3, Dimension.ElectricCurrent), ("kA", 1e3, Dimension.ElectricCurrent),
        ("V", 1, Dimension.Voltage), ("mV", 1e-3, Dimension.Voltage), ("kV", 1e3, Dimension.Voltage),
        ("Hz", 1, Dimension.Frequency), ("rpm", 1.0 / 60, Dimension.Frequency),
        ("L", 1e-3, Volume), ("l", 1e-3, Volume), ("%", 0.01, Dimension.None));

    // Offset units: allowed alone (absolute temperatures) or as a size inside a compound unit (degC/min).
    private static readonly FrozenDictionary<string, UnitDefinition> OffsetUnits = new Dictionary<string, UnitDefinition>(StringComparer.Ordinal)
    {
        ["degC"] = new("degC", 1, 273.15, Dimension.Thermodynamic),
        ["°C"] = new("°C", 1, 273.15, Dimension.Thermodynamic),
        ["degF"] = new("degF", 5.0 / 9.0, 273.15 - (32 * 5.0 / 9.0), Dimension.Thermodynamic),
        ["°F"] = new("°F", 5.0 / 9.0, 273.15 - (32 * 5.0 / 9.0), Dimension.Thermodynamic),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly (Dimension Dimension, string Name)[] DimensionNames =
    [
        (Dimension.None, "pure number"), (Dimension.Duration, "duration"), (Dimension.Distance, "length"),
        (Dimension.Speed, "speed"), (Dimension.Thermodynamic, "temperature"), (Dimension.TemperatureRate, "rate of temperature change"),
        (Dimension.HeatTransferCoefficient, "heat-transfer coefficient"), (Dimension.ThermalConductivity, "thermal conductivity"),
        (Dimension.Density, "density"), (Dimension.SpecificHeat, "specific heat capacity"), (Dimension.MolarEnergy, "molar energy"),
        (Dimension.Pressure, "pressure"), (Dimension.Power, "power"), (Dimension.Frequency, "frequency"), (Energy, "energy"),
        (Mass, "mass"), (Force, "force"), (Volume, "volume"), (Dimension.VolumeFlow, "volume flow"),
        (Dimension.ElectricCurrent, "electric current"), (Dimension.Voltage, "voltage"), (Dimension.Acceleration, "acceleration"),
    ];

    /// <summary>Gets every unit symbol the parser knows.</summary>
    public static IEnumerable<string> KnownSymbols => Table.Keys.Concat(OffsetUnits.Keys);

    /// <summary>Parses a quantity and converts it to SI.</summary>
    /// <param name="text">The text, a number followed by a unit (<c>2.5 min</c>); a bare number is allowed for <see cref="QuantityKind.Number"/>.</param>
    /// <param name="kind">What the value must measure.</param>
    /// <param name="value">The value in SI units when parsing succeeds.</param>
    /// <param name="error">What is wrong when parsing fails.</param>
    /// <param name="code">The kind of problem when parsing fails.</param>
    /// <returns><see langword="true"/> when the text is a valid quantity of the requested kind.</returns>
    public static bool TryParse(string text, QuantityKind kind, out double value, out string error, out DiagnosticCode code)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(kind);
        value = 0;
        error = string.Empty;
        code = DiagnosticCode.InvalidValue;
        var s = text.Trim();
        var numberLength = ScanNumber(s);
        if (numberLength == 0 || !double.TryParse(s.AsSpan(0, numberLength), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            error = $"'{text}' is not a {kind.Name}: it must start with a number, e.g. '{kind.Example}'.";
            return false;
        }

        if (!double.IsFinite(number))
        {
            error = $"'{text}' is not a finite number.";
            code = DiagnosticCode.OutOfRange;
            return false;
        }

        var unitText = s[numberLength..].Trim();
        if (unitText.Length == 0)
        {
            if (kind.Dimension == Dimension.None)
            {
                value = number;
                return true;
            }

            error = $"'{text}' has no unit: a {kind.Name} needs one, e.g. '{kind.Example}'.";
            code = DiagnosticCode.InvalidUnit;
            return false;
        }

        if (OffsetUnits.TryGetValue(unitText, out var offsetUnit))
        {
            if (kind.Dimension != Dimension.Thermodynamic)
            {
                error = $"'{text}' is a temperature, but a {kind.Name} is needed here, e.g. '{kind.Example}'.";
                code = DiagnosticCode.InvalidUnit;
                return false;
            }

            value = (number * offsetUnit.Scale) + (kind.IsAbsoluteTemperature ? offsetUnit.Offset : 0);
            return true;
        }

        if (!TryParseUnit(unitText, out var scale, out var dimension, out var unitError))
        {
            error = $"'{text}': {unitError}";
            code = DiagnosticCode.InvalidUnit;
            return false;
        }

        if (dimension != kind.Dimension)
        {
            error = $"'{text}' is a {NameOf(dimension)}, but a {kind.Name} is needed here, e.g. '{kind.Example}'.";
            code = DiagnosticCode.InvalidUnit;
            return false;
        }

        value = number * scale;
        return true;
    }

    /// <summary>Parses a unit expression such as <c>W/(m2.K)</c>.</summary>
    /// <param name="unit">The unit expression.</param>
    /// <param name="scale">The factor to SI.</param>
    /// <param name="dimension">The dimension.</param>
    /// <param name="error">What is wrong when parsing fails.</param>
    /// <returns><see langword="true"/> when the expression is valid.</returns>
    public static bool TryParseUnit(string unit, out double scale, out Dimension dimension, out string error)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var parser = new ExpressionParser(unit);
        return parser.TryParse(out scale, out dimension, out error);
    }

    /// <summary>Names a dimension in words ("length"), or spells it in base units when it has no common name.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>The name.</returns>
    public static string NameOf(Dimension dimension)
    {
        foreach (var (d, name) in DimensionNames)
        {
            if (d == dimension)
            {
                return name;
            }
        }

        return "quantity of dimension " + dimension;
    }

    /// <summary>Formats an SI value with the SI unit of its kind so that parsing it gives the same value back.</summary>
    /// <param name="value">The value in SI units.</param>
    /// <param name="kind">What the value measures.</param>
    /// <returns>The text, e.g. <c>453.15 K</c>.</returns>
    public static string Format(double value, QuantityKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var number = value.ToString("R", CultureInfo.InvariantCulture);
        return kind.SiUnit.Length == 0 ? number : number + " " + kind.SiUnit;
    }

    internal static bool TryLookup(string symbol, out UnitDefinition unit)
    {
        if (Table.TryGetValue(symbol, out unit))
        {
            return true;
        }

        if (OffsetUnits.TryGetValue(symbol, out var offset))
        {
            unit = offset with { Offset = 0 };
            return true;
        }

        return false;
    }

    private static int ScanNumber(string s)
    {
        var i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            i++;
        }

        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return 0;
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            var j = i + 1;
            if (j < s.Length && (s[j] == '+' || s[j] == '-'))
            {
                j++;
            }

            var expDigits = 0;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
                expDigits++;
            }

            if (expDigits > 0)
            {
                i = j;
            }
        }

        return i;
    }

    private static FrozenDictionary<string, UnitDefinition> Build(params (string Symbol, double Scale, Dimension Dimension)[] units)
    {
        var d = new Dictionary<string, UnitDefinition>(StringComparer.Ordinal);
        foreach (var (symbol, scale, dimension) in units)
        {
            d[symbol] = new UnitDefinition(symbol, scale, 0, dimension);
        }

        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
