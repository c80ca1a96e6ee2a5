using System.Globalization;
using System.Text;

namespace FactoryTwin.Model.Units;

/// <summary>A physical dimension as exponents of the SI base units m, kg, s, K, mol and A.</summary>
/// <param name="Length">Exponent of metre.</param>
/// <param name="Mass">Exponent of kilogram.</param>
/// <param name="Time">Exponent of second.</param>
/// <param name="Temperature">Exponent of kelvin.</param>
/// <param name="Amount">Exponent of mole.</param>
/// <param name="Current">Exponent of ampere.</param>
public readonly record struct Dimension(int Length, int Mass, int Time, int Temperature, int Amount, int Current)
{
    /// <summary>Gets the dimension of a pure number.</summary>
    public static Dimension None => default;

    /// <summary>Gets the dimension of a duration (s).</summary>
    public static Dimension Duration => new(0, 0, 1, 0, 0, 0);

    /// <summary>Gets the dimension of a length (m).</summary>
    public static Dimension Distance => new(1, 0, 0, 0, 0, 0);

    /// <summary>Gets the dimension of a speed (m/s).</summary>
    public static Dimension Speed => new(1, 0, -1, 0, 0, 0);

    /// <summary>Gets the dimension of a temperature (K).</summary>
    public static Dimension Thermodynamic => new(0, 0, 0, 1, 0, 0);

    /// <summary>Gets the dimension of a temperature rate (K/s).</summary>
    public static Dimension TemperatureRate => new(0, 0, -1, 1, 0, 0);

    /// <summary>Gets the dimension of a heat-transfer coefficient (W/(m²·K)).</summary>
    public static Dimension HeatTransferCoefficient => new(0, 1, -3, -1, 0, 0);

    /// <summary>Gets the dimension of a thermal conductivity (W/(m·K)).</summary>
    public static Dimension ThermalConductivity => new(1, 1, -3, -1, 0, 0);

    /// <summary>Gets the dimension of a density (kg/m³).</summary>
    public static Dimension Density => new(-3, 1, 0, 0, 0, 0);

    /// <summary>Gets the dimension of a specific heat capacity (J/(kg·K)).</summary>
    public static Dimension SpecificHeat => new(2, 0, -2, -1, 0, 0);

    /// <summary>Gets the dimension of a molar energy (J/mol).</summary>
    public static Dimension MolarEnergy => new(2, 1, -2, 0, -1, 0);

    /// <summary>Gets the dimension of a pressure (Pa).</summary>
    public static Dimension Pressure => new(-1, 1, -2, 0, 0, 0);

    /// <summary>Gets the dimension of a power (W).</summary>
    public static Dimension Power => new(2, 1, -3, 0, 0, 0);

    /// <summary>Gets the dimension of a frequency or rate (1/s).</summary>
    public static Dimension Frequency => new(0, 0, -1, 0, 0, 0);

    /// <summary>Gets the dimension of a volume flow (m³/s).</summary>
    public static Dimension VolumeFlow => new(3, 0, -1, 0, 0, 0);

    /// <summary>Gets the dimension of an electric current (A).</summary>
    public static Dimension ElectricCurrent => new(0, 0, 0, 0, 0, 1);

    /// <summary>Gets the dimension of a voltage (V).</summary>
    public static Dimension Voltage => new(2, 1, -3, 0, 0, -1);

    /// <summary>Gets the dimension of an acceleration (m/s²), used for vibration.</summary>
    public static Dimension Acceleration => new(1, 0, -2, 0, 0, 0);

    /// <summary>Multiplies two dimensions (adds exponents).</summary>
    public static Dimension operator *(Dimension a, Dimension b) => new(
        a.Length + b.Length, a.Mass + b.Mass, a.Time + b.Time, a.Temperature + b.Temperature, a.Amount + b.Amount, a.Current + b.Current);

    /// <summary>Divides two dimensions (subtracts exponents).</summary>
    public static Dimension operator /(Dimension a, Dimension b) => a * b.Pow(-1);

    /// <summary>Raises the dimension to an integer power.</summary>
    /// <param name="n">The power.</param>
    /// <returns>The dimension with every exponent multiplied by <paramref name="n"/>.</returns>
    public Dimension Pow(int n) => new(Length * n, Mass * n, Time * n, Temperature * n, Amount * n, Current * n);

    /// <summary>Multiplies two dimensions.</summary>
    /// <param name="left">The left factor.</param>
    /// <param name="right">The right factor.</param>
    /// <returns>The product.</returns>
    public static Dimension Multiply(Dimension left, Dimension right) => left * right;

    /// <summary>Divides two dimensions.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient.</returns>
    public static Dimension Divide(Dimension left, Dimension right) => left / right;

    /// <summary>Formats the dimension in base units, e.g. <c>kg·s^-3·K^-1</c>.</summary>
    public override string ToString()
    {
        if (this == None)
        {
            return "1 (no unit)";
        }

        var sb = new StringBuilder();
        Append(sb, "m", Length);
        Append(sb, "kg", Mass);
        Append(sb, "s", Time);
        Append(sb, "K", Temperature);
        Append(sb, "mol", Amount);
        Append(sb, "A", Current);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string symbol, int exponent)
    {
        if (exponent == 0)
        {
            return;
        }

        if (sb.Length > 0)
        {
            sb.Append('·');
        }

        sb.Append(symbol);
        if (exponent != 1)
        {
            sb.Append('^').Append(exponent.ToString(CultureInfo.InvariantCulture));
        }
    }
}
