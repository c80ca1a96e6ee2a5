namespace FactoryTwin.Thermal.Problem;

/// <summary>
/// The description of a transient heat-conduction case ρc ∂T/∂t = ∇·(k∇T) + q on a structured grid:
/// per-cell materials, volumetric source, initial temperature and one boundary condition per face.
/// A solver copies what it needs when it is created (<see cref="Solver.HeatSolver.Create"/>), so a problem can be
/// reused and changed afterwards without affecting existing solvers.
/// </summary>
public sealed class HeatProblem
{
    private readonly double[] _conductivity;
    private readonly double[] _heatCapacity;
    private readonly double[] _source;
    private readonly double[] _initial;
    private readonly BoundaryCondition[] _boundaries;

    /// <summary>Creates a problem on <paramref name="grid"/> filled with <paramref name="material"/> at a uniform initial temperature, all faces insulated, no source.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="material">The material of every cell.</param>
    /// <param name="initialTemperature">The initial temperature of every cell, in kelvin.</param>
    public HeatProblem(Grid grid, Material material, double initialTemperature)
    {
        material.Validate(nameof(material));
        if (grid.CellCount == 0)
        {
            throw new ArgumentException("The grid is empty (use a Grid factory).", nameof(grid));
        }

        Grid = grid;
        var n = grid.CellCount;
        _conductivity = new double[n];
        _heatCapacity = new double[n];
        _source = new double[n];
        _initial = new double[n];
        _boundaries = new BoundaryCondition[6];
        Array.Fill(_boundaries, BoundaryCondition.Insulated);
        SetMaterial(material);
        _initial.AsSpan().Fill(initialTemperature);
    }

    /// <summary>The grid.</summary>
    public Grid Grid { get; }

    /// <summary>Per-cell thermal conductivity k, in W/(m·K); writable.</summary>
    public Span<double> Conductivity => _conductivity;

    /// <summary>Per-cell volumetric heat capacity ρc, in J/(m³·K); writable.</summary>
    public Span<double> VolumetricHeatCapacity => _heatCapacity;

    /// <summary>Per-cell volumetric heat source q, in W/m³; writable. The default value is 0.</summary>
    public Span<double> Source => _source;

    /// <summary>Per-cell initial temperature, in kelvin; writable.</summary>
    public Span<double> InitialTemperature => _initial;

    /// <summary>True when conductivity, heat capacity and source are the same in every cell (enables the fast uniform stencil).</summary>
    public bool IsUniform =>
        IsConstant(_conductivity) && IsConstant(_heatCapacity) && IsConstant(_source);

    /// <summary>Sets the material of every cell.</summary>
    /// <param name="material">The material.</param>
    /// <returns>This problem.</returns>
    public HeatProblem SetMaterial(Material material)
    {
        material.Validate(nameof(material));
        _conductivity.AsSpan().Fill(material.Conductivity);
        _heatCapacity.AsSpan().Fill(material.VolumetricHeatCapacity);
        return this;
    }

    /// <summary>Sets the material of one cell.</summary>
    /// <param name="cell">Flat cell index (<see cref="Grid.Index"/>).</param>
    /// <param name="material">The material.</param>
    /// <returns>This problem.</returns>
    public HeatProblem SetMaterial(int cell, Material material)
    {
        material.Validate(nameof(material));
        _conductivity[cell] = material.Conductivity;
        _heatCapacity[cell] = material.VolumetricHeatCapacity;
        return this;
    }

    /// <summary>Sets the boundary condition of one face.</summary>
    /// <param name="face">The face.</param>
    /// <param name="condition">The condition.</param>
    /// <returns>This problem.</returns>
    public HeatProblem SetBoundary(BoundaryFace face, BoundaryCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if ((uint)face > (uint)BoundaryFace.Top)
        {
            throw new ArgumentOutOfRangeException(nameof(face));
        }

        _boundaries[(int)face] = condition;
        return this;
    }

    /// <summary>Sets the same boundary condition on every face of the grid's dimensions.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>This problem.</returns>
    public HeatProblem SetAllBoundaries(BoundaryCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        for (var f = 0; f < 2 * Grid.Dimensions; f++)
        {
            _boundaries[f] = condition;
        }

        return this;
    }

    /// <summary>The boundary condition of <paramref name="face"/>.</summary>
    /// <param name="face">The face.</param>
    /// <returns>The condition (insulated unless set).</returns>
    public BoundaryCondition GetBoundary(BoundaryFace face) => _boundaries[(int)face];

    /// <summary>Throws when a material value or the initial temperature is not positive/finite.</summary>
    /// <exception cref="ArgumentException">A cell has an invalid value.</exception>
    public void Validate()
    {
        for (var i = 0; i < _conductivity.Length; i++)
        {
            if (!(_conductivity[i] > 0.0) || !double.IsFinite(_conductivity[i]) || !(_heatCapacity[i] > 0.0) || !double.IsFinite(_heatCapacity[i])
                || !double.IsFinite(_source[i]) || !double.IsFinite(_initial[i]))
            {
                throw new ArgumentException(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Cell {i} has a non-positive or non-finite conductivity, heat capacity, source or initial temperature."));
            }
        }
    }

    private static bool IsConstant(ReadOnlySpan<double> values)
    {
        var first = values[0];
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] != first)
            {
                return false;
            }
        }

        return true;
    }
}
