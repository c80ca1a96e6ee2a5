namespace FactoryTwin.Thermal.Problem;

/// <summary>The six faces of a structured grid. 1-D grids use <see cref="West"/> and <see cref="East"/>; 2-D grids add <see cref="South"/> and <see cref="North"/>.</summary>
public enum BoundaryFace
{
    /// <summary>The face at x = 0.</summary>
    West = 0,

    /// <summary>The face at x = Nx·Dx.</summary>
    East = 1,

    /// <summary>The face at y = 0.</summary>
    South = 2,

    /// <summary>The face at y = Ny·Dy.</summary>
    North = 3,

    /// <summary>The face at z = 0.</summary>
    Bottom = 4,

    /// <summary>The face at z = Nz·Dz.</summary>
    Top = 5,
}
