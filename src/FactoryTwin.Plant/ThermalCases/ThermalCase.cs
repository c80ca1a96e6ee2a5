using FactoryTwin.Thermal.Problem;
using FactoryTwin.Thermal.Solver;

namespace FactoryTwin.Plant.ThermalCases;

/// <summary>
/// A validated thermal case (<c>kind: ThermalCase</c>, see docs/thermal-case.md): the grid, materials and regions, initial
/// temperature, boundary conditions, source, time settings and probes. All values are SI (metres, seconds, kelvin).
/// Build the engine's problem with <see cref="CreateProblem"/> and run it with <see cref="ThermalCaseRunner.Run"/>.
/// </summary>
public sealed record ThermalCase
{
    /// <summary>Gets the case name (the file's <c>name</c>, or the file name without extension).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the free-text description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the grid.</summary>
    public required Grid Grid { get; init; }

    /// <summary>Gets the number of spatial dimensions written in the file (1, 2 or 3).</summary>
    public required int Dimensions { get; init; }

    /// <summary>Gets the materials, in file order.</summary>
    public required IReadOnlyList<ThermalCaseMaterial> Materials { get; init; }

    /// <summary>Gets the material that fills the domain outside every region.</summary>
    public required string DefaultMaterialId { get; init; }

    /// <summary>Gets the regions, applied in order (later ones win).</summary>
    public required IReadOnlyList<ThermalRegion> Regions { get; init; }

    /// <summary>Gets the uniform initial temperature, in kelvin.</summary>
    public required double InitialTemperature { get; init; }

    /// <summary>Gets the volumetric heat source outside regions that set their own, in W/m³.</summary>
    public double Source { get; init; }

    /// <summary>Gets the ambient temperature schedule (kelvin) used by convection and radiation faces that name none; <see langword="null"/> when absent.</summary>
    public Schedule? Ambient { get; init; }

    /// <summary>Gets the boundary condition of every face of the grid's dimensions (insulated unless written).</summary>
    public required IReadOnlyDictionary<BoundaryFace, BoundaryCondition> Boundaries { get; init; }

    /// <summary>Gets the time scheme.</summary>
    public required TimeScheme Scheme { get; init; }

    /// <summary>Gets the largest time step, in seconds; <see langword="null"/> lets the explicit scheme choose a stable one.</summary>
    public double? TimeStep { get; init; }

    /// <summary>Gets the simulated duration, in seconds.</summary>
    public required double EndTime { get; init; }

    /// <summary>Gets the interval between recorded probe values, in seconds.</summary>
    public required double OutputInterval { get; init; }

    /// <summary>Gets the backend.</summary>
    public HeatBackend Backend { get; init; } = HeatBackend.Cpu;

    /// <summary>Gets the probes, in file order.</summary>
    public required IReadOnlyList<ThermalProbe> Probes { get; init; }

    /// <summary>Gets the extent of the domain along x, y and z, in metres (1 m for dimensions the case does not use).</summary>
    public ThermalPoint Extent => new(Grid.Nx * Grid.Dx, Grid.Ny * Grid.Dy, Grid.Nz * Grid.Dz);

    /// <summary>Gets the engine options for this case (scheme and backend; everything else at its default).</summary>
    public HeatSolverOptions SolverOptions => new() { Scheme = Scheme, Backend = Backend };

    /// <summary>Builds a new engine problem: per-cell materials and sources from the regions, initial temperature and boundaries.</summary>
    /// <returns>A fresh problem; changing it does not change the case.</returns>
    public HeatProblem CreateProblem()
    {
        var materials = Materials.ToDictionary(m => m.Id, m => m.Properties, StringComparer.Ordinal);
        var problem = new HeatProblem(Grid, materials[DefaultMaterialId], InitialTemperature);
        var source = problem.Source;
        source.Fill(Source);
        if (Regions.Count > 0)
        {
            for (var k = 0; k < Grid.Nz; k++)
            {
                for (var j = 0; j < Grid.Ny; j++)
                {
                    for (var i = 0; i < Grid.Nx; i++)
                    {
                        var centre = CellCentre(i, j, k);
                        var cell = Grid.Index(i, j, k);
                        foreach (var region in Regions)
                        {
                            if (region.Contains(centre))
                            {
                                problem.SetMaterial(cell, materials[region.MaterialId]);
                                source[cell] = region.Source ?? Source;
                            }
                        }
                    }
                }
            }
        }

        foreach (var (face, condition) in Boundaries)
        {
            problem.SetBoundary(face, condition);
        }

        return problem;
    }

    /// <summary>Gets the centre of cell (<paramref name="i"/>, <paramref name="j"/>, <paramref name="k"/>), in metres.</summary>
    /// <param name="i">Index along x.</param>
    /// <param name="j">Index along y.</param>
    /// <param name="k">Index along z.</param>
    /// <returns>The centre; unused dimensions are 0.</returns>
    public ThermalPoint CellCentre(int i, int j = 0, int k = 0) => new(
        Grid.CentreX(i),
        Dimensions >= 2 ? Grid.CentreY(j) : 0.0,
        Dimensions >= 3 ? Grid.CentreZ(k) : 0.0);

    /// <summary>Gets the times at which probes are recorded: 0, the output interval and its multiples, and the end time.</summary>
    /// <returns>Increasing times, in seconds.</returns>
    public IReadOnlyList<double> OutputTimes()
    {
        var times = new List<double> { 0.0 };
        var n = (long)Math.Floor((EndTime / OutputInterval) + 1e-9);
        for (long i = 1; i <= n; i++)
        {
            times.Add(Math.Min(EndTime, i * OutputInterval));
        }

        if (EndTime - times[^1] > 1e-9 * EndTime)
        {
            times.Add(EndTime);
        }

        return times;
    }
}
