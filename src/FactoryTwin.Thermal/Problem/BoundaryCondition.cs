namespace FactoryTwin.Thermal.Problem;

/// <summary>
/// A boundary condition on one face of the grid. Create it with the static factories:
/// <see cref="Insulated"/>, <see cref="FixedTemperature(Schedule)"/>, <see cref="FixedFlux(Schedule)"/>,
/// <see cref="Convection(Schedule, Schedule)"/>, <see cref="Radiation(double, Schedule)"/> and
/// <see cref="ConvectionAndRadiation(Schedule, Schedule, double, Schedule?)"/>.
/// </summary>
public sealed record BoundaryCondition
{
    /// <summary>The Stefan–Boltzmann constant σ, in W/(m²·K⁴) (CODATA 2018, exact).</summary>
    public const double StefanBoltzmann = 5.670374419e-8;

    private BoundaryCondition(BoundaryKind kind, Schedule value, Schedule heatTransfer, double emissivity, Schedule radiant)
    {
        Kind = kind;
        Value = value;
        HeatTransferCoefficient = heatTransfer;
        Emissivity = emissivity;
        RadiantTemperature = radiant;
    }

    /// <summary>A zero-flux face.</summary>
    public static BoundaryCondition Insulated { get; } =
        new(BoundaryKind.Insulated, Schedule.Constant(0.0), Schedule.Constant(0.0), 0.0, Schedule.Constant(0.0));

    /// <summary>The kind of condition.</summary>
    public BoundaryKind Kind { get; }

    /// <summary>
    /// The main value: the face temperature in kelvin (<see cref="BoundaryKind.FixedTemperature"/>), the inward heat flux in W/m²
    /// (<see cref="BoundaryKind.FixedFlux"/>) or the fluid temperature T∞ in kelvin (<see cref="BoundaryKind.ConvectionRadiation"/>).
    /// </summary>
    public Schedule Value { get; }

    /// <summary>The convective heat transfer coefficient h, in W/(m²·K) (zero unless convection).</summary>
    public Schedule HeatTransferCoefficient { get; }

    /// <summary>The surface emissivity ε in [0, 1] (zero when there is no radiation).</summary>
    public double Emissivity { get; }

    /// <summary>The temperature of the radiating surroundings Tr, in kelvin.</summary>
    public Schedule RadiantTemperature { get; }

    /// <summary>A face held at the temperature <paramref name="temperature"/> (kelvin).</summary>
    /// <param name="temperature">Face temperature, in kelvin.</param>
    /// <returns>The condition.</returns>
    public static BoundaryCondition FixedTemperature(Schedule temperature)
    {
        ArgumentNullException.ThrowIfNull(temperature);
        return new(BoundaryKind.FixedTemperature, temperature, Schedule.Constant(0.0), 0.0, Schedule.Constant(0.0));
    }

    /// <summary>A face held at a constant temperature.</summary>
    /// <param name="temperature">Face temperature, in kelvin.</param>
    /// <returns>The condition.</returns>
    public static BoundaryCondition FixedTemperature(double temperature) => FixedTemperature(Schedule.Constant(temperature));

    /// <summary>A prescribed heat flux into the solid, in W/m² (positive heats the solid).</summary>
    /// <param name="flux">Inward heat flux, in W/m².</param>
    /// <returns>The condition.</returns>
    public static BoundaryCondition FixedFlux(Schedule flux)
    {
        ArgumentNullException.ThrowIfNull(flux);
        return new(BoundaryKind.FixedFlux, flux, Schedule.Constant(0.0), 0.0, Schedule.Constant(0.0));
    }

    /// <summary>Convection q = h·(T∞(t) − Ts) into the solid.</summary>
    /// <param name="heatTransferCoefficient">h, in W/(m²·K), may vary in time.</param>
    /// <param name="fluidTemperature">T∞, in kelvin, may vary in time.</param>
    /// <returns>The condition.</returns>
    public static BoundaryCondition Convection(Schedule heatTransferCoefficient, Schedule fluidTemperature) =>
        ConvectionAndRadiation(heatTransferCoefficient, fluidTemperature, 0.0, null);

    /// <summary>Convection with constant h and T∞.</summary>
    /// <param name="heatTransferCoefficient">h, in W/(m²·K).</param>
    /// <param name="fluidTemperature">T∞, in kelvin.</param>
    /// <returns>The condition.</returns>
    public static BoundaryCondition Convection(double heatTransferCoefficient, double fluidTemperature) =>
        Convection(Schedule.Constant(heatTransferCoefficient), Schedule.Constant(fluidTemperature));

    /// <summary>Radiation q = εσ(Tr⁴ − Ts⁴) into the solid.</summary>
    /// <param name="emissivity">ε in [0, 1].</param>
    /// <param name="surroundingsTemperature">Tr, in kelvin.</param>
    /// <returns>The condition.</returns>
    public static BoundaryCondition Radiation(double emissivity, Schedule surroundingsTemperature) =>
        ConvectionAndRadiation(Schedule.Constant(0.0), surroundingsTemperature, emissivity, surroundingsTemperature);

    /// <summary>Convection h·(T∞ − Ts) plus radiation εσ(Tr⁴ − Ts⁴) into the solid.</summary>
    /// <param name="heatTransferCoefficient">h, in W/(m²·K).</param>
    /// <param name="fluidTemperature">T∞, in kelvin.</param>
    /// <param name="emissivity">ε in [0, 1]; 0 disables radiation.</param>
    /// <param name="radiantTemperature">Tr, in kelvin; null means Tr = T∞.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="emissivity"/> is outside [0, 1].</exception>
    public static BoundaryCondition ConvectionAndRadiation(Schedule heatTransferCoefficient, Schedule fluidTemperature, double emissivity, Schedule? radiantTemperature)
    {
        ArgumentNullException.ThrowIfNull(heatTransferCoefficient);
        ArgumentNullException.ThrowIfNull(fluidTemperature);
        if (!(emissivity >= 0.0 && emissivity <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(emissivity), emissivity, "Emissivity must lie in [0, 1].");
        }

        return new(BoundaryKind.ConvectionRadiation, fluidTemperature, heatTransferCoefficient, emissivity, radiantTemperature ?? fluidTemperature);
    }
}
