using System.Numerics;
using FactoryTwin.Thermal.Problem;

namespace FactoryTwin.Thermal.Solver;

/// <summary>
/// The assembled finite-volume operator of a <see cref="HeatProblem"/> in float64: face conductances per unit cell volume
/// (harmonic mean of the two cells' k over Δ², W/(m³·K)), heat capacities, source and boundary faces.
/// Shared by every backend so they discretize identically.
/// </summary>
internal sealed class HeatOperator
{
    public HeatOperator(HeatProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Validate();
        Grid = problem.Grid;
        Nx = Grid.Nx;
        Ny = Grid.Ny;
        Nz = Grid.Nz;
        Count = Grid.CellCount;
        ReadOnlySpan<double> k = problem.Conductivity;
        Capacity = problem.VolumetricHeatCapacity.ToArray();
        Source = problem.Source.ToArray();
        InitialTemperature = problem.InitialTemperature.ToArray();
        InvCapacity = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            InvCapacity[i] = 1.0 / Capacity[i];
        }

        Gx = BuildFaces(k, 1, Nx, 1, Grid.Dx);
        Gy = Ny > 1 ? BuildFaces(k, Nx, Ny, Nx, Grid.Dy) : [];
        Gz = Nz > 1 ? BuildFaces(k, Nx * Ny, Nz, Nx * Ny, Grid.Dz) : [];
        SumG = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            var s = Gx[i] + (i % Nx > 0 ? Gx[i - 1] : 0.0);
            if (Gy.Length > 0)
            {
                s += Gy[i] + ((i / Nx) % Ny > 0 ? Gy[i - Nx] : 0.0);
            }

            if (Gz.Length > 0)
            {
                s += Gz[i] + (i / (Nx * Ny) > 0 ? Gz[i - (Nx * Ny)] : 0.0);
            }

            SumG[i] = s;
            InteriorRateMax = Math.Max(InteriorRateMax, s * InvCapacity[i]);
        }

        ZeroRow = new double[Nx];
        IsUniform = problem.IsUniform;
        HasSource = Array.Exists(Source, static v => v != 0.0);
        if (IsUniform)
        {
            UniformConductance = k[0];
            UniformInvCapacity = InvCapacity[0];
            UniformSource = Source[0];
        }

        Faces = BuildBoundaries(problem, k);
    }

    public Grid Grid { get; }

    public int Nx { get; }

    public int Ny { get; }

    public int Nz { get; }

    public int Count { get; }

    /// <summary>Conductance between cell i and i+1 along x per unit volume, W/(m³·K); 0 on the last cell of a row.</summary>
    public double[] Gx { get; }

    /// <summary>Conductance between cell i and i+Nx; empty for 1-D grids.</summary>
    public double[] Gy { get; }

    /// <summary>Conductance between cell i and i+Nx·Ny; empty for 1-D and 2-D grids.</summary>
    public double[] Gz { get; }

    /// <summary>Σ of the face conductances of each cell, W/(m³·K).</summary>
    public double[] SumG { get; }

    /// <summary>ρc per cell, J/(m³·K).</summary>
    public double[] Capacity { get; }

    /// <summary>1/(ρc) per cell.</summary>
    public double[] InvCapacity { get; }

    /// <summary>q per cell, W/m³.</summary>
    public double[] Source { get; }

    public double[] InitialTemperature { get; }

    /// <summary>A row of zeros (missing neighbour conductances at the y/z edges).</summary>
    public double[] ZeroRow { get; }

    public bool IsUniform { get; }

    public bool HasSource { get; }

    public double UniformConductance { get; }

    public double UniformInvCapacity { get; }

    public double UniformSource { get; }

    /// <summary>maxᵢ ΣG/(ρc) over all cells, 1/s (interior part of the explicit stability bound).</summary>
    public double InteriorRateMax { get; }

    /// <summary>The non-insulated faces.</summary>
    public FaceBoundary[] Faces { get; }

    /// <summary>Number of distinct cells on non-insulated faces.</summary>
    public int SurfaceCellCount { get; private set; }

    /// <summary>ΣG/(ρc) of each surface cell slot, 1/s.</summary>
    public double[] SurfaceRate { get; private set; } = [];

    /// <summary>1/(ρc) of each surface cell slot.</summary>
    public double[] SurfaceInvCapacity { get; private set; } = [];

    /// <summary>Scratch: boundary rate per surface slot.</summary>
    public double[] SurfaceScratch { get; private set; } = [];

    /// <summary>Evaluates every face at <paramref name="time"/> around <paramref name="temperature"/>.</summary>
    public void EvaluateBoundaries<T>(double time, ReadOnlySpan<T> temperature)
        where T : unmanaged, INumberBase<T>
    {
        foreach (var f in Faces)
        {
            f.Evaluate(time, temperature);
        }
    }

    /// <summary>
    /// The explicit stability limit after <see cref="EvaluateBoundaries"/>, in seconds.
    /// Explicit FTCS is stable (and monotone) when 1 − Δt·(ΣG + ΣU/Δn)/(ρc) ≥ 0 in every cell (Gershgorin bound on the
    /// iteration matrix; for an interior cell of a uniform grid this is α·Δt/Δx² ≤ 1/(2d)).
    /// </summary>
    public double StableStep()
    {
        var rate = InteriorRateMax;
        if (Faces.Length > 0)
        {
            var acc = SurfaceScratch;
            Array.Clear(acc);
            foreach (var f in Faces)
            {
                var slots = f.Slots;
                var d = f.Diagonal;
                for (var e = 0; e < slots.Length; e++)
                {
                    acc[slots[e]] += d[e];
                }
            }

            for (var s = 0; s < acc.Length; s++)
            {
                rate = Math.Max(rate, SurfaceRate[s] + (acc[s] * SurfaceInvCapacity[s]));
            }
        }

        return rate > 0.0 ? 1.0 / rate : double.PositiveInfinity;
    }

    /// <summary>Σ ρc·T·V, J.</summary>
    public double Energy(ReadOnlySpan<double> temperature)
    {
        var sum = 0.0;
        for (var i = 0; i < Count; i++)
        {
            sum += Capacity[i] * temperature[i];
        }

        return sum * Grid.CellVolume;
    }

    private double[] BuildFaces(ReadOnlySpan<double> k, int stride, int n, int step, double spacing)
    {
        var g = new double[Count];
        var inv2 = 1.0 / (spacing * spacing);
        for (var i = 0; i < Count; i++)
        {
            var pos = (i / step) % n;
            if (pos < n - 1)
            {
                var a = k[i];
                var b = k[i + stride];

                // harmonic mean: exact for a material interface at the face (series resistances)
                g[i] = 2.0 * a * b / (a + b) * inv2;
            }
        }

        return g;
    }

    private FaceBoundary[] BuildBoundaries(HeatProblem problem, ReadOnlySpan<double> k)
    {
        var list = new List<FaceBoundary>();
        var slotOf = new Dictionary<int, int>();
        var dims = Grid.Dimensions;
        for (var f = 0; f < 2 * dims; f++)
        {
            var face = (BoundaryFace)f;
            var bc = problem.GetBoundary(face);
            if (bc.Kind == BoundaryKind.Insulated)
            {
                continue;
            }

            var cells = FaceCells(face);
            var spacing = f < 2 ? Grid.Dx : f < 4 ? Grid.Dy : Grid.Dz;
            var half = new double[cells.Length];
            var slots = new int[cells.Length];
            for (var e = 0; e < cells.Length; e++)
            {
                half[e] = 2.0 * k[cells[e]] / spacing;
                if (!slotOf.TryGetValue(cells[e], out var slot))
                {
                    slot = slotOf.Count;
                    slotOf.Add(cells[e], slot);
                }

                slots[e] = slot;
            }

            list.Add(new FaceBoundary(face, bc, cells, half, spacing, slots));
        }

        SurfaceCellCount = slotOf.Count;
        SurfaceRate = new double[slotOf.Count];
        SurfaceInvCapacity = new double[slotOf.Count];
        SurfaceScratch = new double[slotOf.Count];
        foreach (var (cell, slot) in slotOf)
        {
            SurfaceRate[slot] = SumG[cell] * InvCapacity[cell];
            SurfaceInvCapacity[slot] = InvCapacity[cell];
        }

        return [.. list];
    }

    private int[] FaceCells(BoundaryFace face)
    {
        var cells = new List<int>();
        for (var k = 0; k < Nz; k++)
        {
            for (var j = 0; j < Ny; j++)
            {
                for (var i = 0; i < Nx; i++)
                {
                    var on = face switch
                    {
                        BoundaryFace.West => i == 0,
                        BoundaryFace.East => i == Nx - 1,
                        BoundaryFace.South => j == 0,
                        BoundaryFace.North => j == Ny - 1,
                        BoundaryFace.Bottom => k == 0,
                        _ => k == Nz - 1,
                    };
                    if (on)
                    {
                        cells.Add(Grid.Index(i, j, k));
                    }
                }
            }
        }

        return [.. cells];
    }
}
