namespace FactoryTwin.Plant.Ovens;

/// <summary>Numerical settings of the cure prediction.</summary>
public sealed record OvenPredictionOptions
{
    /// <summary>The default time step, in seconds.</summary>
    public const double DefaultTimeStep = 2.0;

    /// <summary>The default number of cells through the thickness of a slab.</summary>
    public const int DefaultCells = 8;

    /// <summary>Gets the time step, in seconds.</summary>
    /// <value>The default value is 2 s: Crank–Nicolson is second order, so the error on a 0.7 mm panel stays far below 0.5 K.</value>
    public double TimeStep { get; init; } = DefaultTimeStep;

    /// <summary>Gets the number of cells through the thickness of a slab point.</summary>
    /// <value>The default value is 8.</value>
    public int CellsThroughThickness { get; init; } = DefaultCells;

    /// <summary>Gets which thermal model to use.</summary>
    /// <value>The default value is <see cref="ThermalModelKind.Auto"/>.</value>
    public ThermalModelKind Model { get; init; } = ThermalModelKind.Auto;

    /// <summary>Gets the Biot number below which <see cref="ThermalModelKind.Auto"/> uses the lumped model.</summary>
    /// <value>The default value is 0.1.</value>
    public double BiotThreshold { get; init; } = 0.1;

    /// <summary>Gets the metal temperature of a body when it enters the oven, in kelvin.</summary>
    /// <value>The default value is 293.15 K (20 °C).</value>
    public double EntryTemperature { get; init; } = 293.15;

    /// <summary>Gets a value indicating whether radiation from the oven walls (at the zone air temperature) is added to convection, with the material's emissivity.</summary>
    /// <value>The default value is <see langword="false"/>: calibrated heat-transfer coefficients usually include radiation.</value>
    public bool IncludeRadiation { get; init; }

    /// <summary>Gets the backend of the batched slab solve; <see langword="null"/> picks CUDA when a device is present, the CPU otherwise.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public FactoryTwin.Thermal.Solver.HeatBackend? Backend { get; init; }

    /// <summary>Gets a value indicating whether each point's temperature trace is kept in the result.</summary>
    /// <value>The default value is <see langword="false"/> (traces of a month of bodies would fill memory).</value>
    public bool KeepTraces { get; init; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TimeStep, nameof(TimeStep));
        ArgumentOutOfRangeException.ThrowIfLessThan(CellsThroughThickness, 2, nameof(CellsThroughThickness));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BiotThreshold, nameof(BiotThreshold));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(EntryTemperature, nameof(EntryTemperature));
    }
}
