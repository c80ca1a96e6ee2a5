using System.Numerics;
using FactoryTwin.Thermal.Problem;

namespace FactoryTwin.Thermal.Solver;

/// <summary>The cells of one non-insulated face and their per-step boundary coefficients (per unit cell volume).</summary>
internal sealed class FaceBoundary
{
    public FaceBoundary(BoundaryFace face, BoundaryCondition condition, int[] cells, double[] halfConductance, double spacing, int[] slots)
    {
        Face = face;
        Condition = condition;
        Cells = cells;
        HalfConductance = halfConductance;
        InvSpacing = 1.0 / spacing;
        Slots = slots;
        Diagonal = new double[cells.Length];
        Explicit = new double[cells.Length];
        KindCode = condition.Kind switch
        {
            BoundaryKind.FixedTemperature => BoundaryMath.FixedTemperature,
            BoundaryKind.FixedFlux => BoundaryMath.FixedFlux,
            BoundaryKind.ConvectionRadiation => BoundaryMath.Robin,
            _ => BoundaryMath.Insulated,
        };
        DependsOnState = condition.Kind == BoundaryKind.ConvectionRadiation && condition.Emissivity > 0.0;
    }

    public BoundaryFace Face { get; }

    public BoundaryCondition Condition { get; }

    public int KindCode { get; }

    /// <summary>True when the coefficients depend on the temperature (radiation).</summary>
    public bool DependsOnState { get; }

    /// <summary>Flat indices of the face's cells (each cell once per face).</summary>
    public int[] Cells { get; }

    /// <summary>2k/Δn of each face cell, W/(m²·K).</summary>
    public double[] HalfConductance { get; }

    /// <summary>1/Δn, 1/m: turns face fluxes into per-volume rates.</summary>
    public double InvSpacing { get; }

    /// <summary>Index of each cell among the surface cells (for the stability bound of cells on several faces).</summary>
    public int[] Slots { get; }

    /// <summary>U/Δn per cell, W/(m³·K): the implicit part (last evaluation).</summary>
    public double[] Diagonal { get; }

    /// <summary>s/Δn per cell, W/m³: the explicit part (last evaluation).</summary>
    public double[] Explicit { get; }

    /// <summary>Reads the schedules at <paramref name="time"/>.</summary>
    public FaceValues ValuesAt(double time) => new(
        KindCode,
        Condition.Value.ValueAt(time),
        Condition.HeatTransferCoefficient.ValueAt(time),
        Condition.Emissivity,
        Condition.RadiantTemperature.ValueAt(time),
        InvSpacing);

    /// <summary>Fills <see cref="Diagonal"/> and <see cref="Explicit"/> at <paramref name="time"/>, linearized around <paramref name="temperature"/>.</summary>
    public void Evaluate<T>(double time, ReadOnlySpan<T> temperature)
        where T : unmanaged, INumberBase<T>
    {
        var v = ValuesAt(time);
        var cells = Cells;
        var half = HalfConductance;
        var diag = Diagonal;
        var expl = Explicit;
        for (var e = 0; e < cells.Length; e++)
        {
            BoundaryMath.Coefficients(v.Kind, v.Value, v.H, v.Emissivity, v.Radiant, half[e], double.CreateTruncating(temperature[cells[e]]), out var u, out var s);
            diag[e] = u * v.InvSpacing;
            expl[e] = s * v.InvSpacing;
        }
    }
}
