namespace FactoryTwin.Thermal.Problem;

/// <summary>
/// A structured, uniformly spaced grid of cell-centred finite volumes in one, two or three dimensions.
/// Cells are numbered x fastest: <c>index = i + Nx * (j + Ny * k)</c>.
/// </summary>
public readonly record struct Grid
{
    /// <summary>Creates a grid with the given cell counts and spacings.</summary>
    /// <param name="nx">Cells along x (at least 1).</param>
    /// <param name="ny">Cells along y (at least 1; 1 for a 1-D grid).</param>
    /// <param name="nz">Cells along z (at least 1; 1 for a 1-D or 2-D grid).</param>
    /// <param name="dx">Cell width along x, in metres.</param>
    /// <param name="dy">Cell width along y, in metres.</param>
    /// <param name="dz">Cell width along z, in metres.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1 or a spacing is not positive and finite.</exception>
    public Grid(int nx, int ny, int nz, double dx, double dy, double dz)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nx, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ny, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(nz, 1);
        ThrowIfNotPositive(dx, nameof(dx));
        ThrowIfNotPositive(dy, nameof(dy));
        ThrowIfNotPositive(dz, nameof(dz));
        if ((long)nx * ny * nz > int.MaxValue / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(nx), "The grid has too many cells.");
        }

        Nx = nx;
        Ny = ny;
        Nz = nz;
        Dx = dx;
        Dy = dy;
        Dz = dz;
    }

    /// <summary>Cells along x.</summary>
    public int Nx { get; }

    /// <summary>Cells along y (1 for a 1-D grid).</summary>
    public int Ny { get; }

    /// <summary>Cells along z (1 for a 1-D or 2-D grid).</summary>
    public int Nz { get; }

    /// <summary>Cell width along x, in metres.</summary>
    public double Dx { get; }

    /// <summary>Cell width along y, in metres.</summary>
    public double Dy { get; }

    /// <summary>Cell width along z, in metres.</summary>
    public double Dz { get; }

    /// <summary>Number of spatial dimensions: 1, 2 or 3 (a dimension with one cell does not count, x always counts).</summary>
    public int Dimensions => Nz > 1 ? 3 : Ny > 1 ? 2 : 1;

    /// <summary>Total number of cells.</summary>
    public int CellCount => Nx * Ny * Nz;

    /// <summary>Volume of one cell, in cubic metres (per unit depth/area for 1-D and 2-D grids).</summary>
    public double CellVolume => Dx * Dy * Dz;

    /// <summary>Creates a 1-D grid of <paramref name="cells"/> cells spanning <paramref name="length"/> metres.</summary>
    /// <param name="cells">Number of cells.</param>
    /// <param name="length">Length of the domain, in metres.</param>
    /// <returns>The grid; its cross-section is 1 m².</returns>
    public static Grid Create1D(int cells, double length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cells, 1);
        return new Grid(cells, 1, 1, length / cells, 1.0, 1.0);
    }

    /// <summary>Creates a 2-D grid spanning <paramref name="lengthX"/> × <paramref name="lengthY"/> metres.</summary>
    /// <param name="nx">Cells along x.</param>
    /// <param name="ny">Cells along y.</param>
    /// <param name="lengthX">Extent along x, in metres.</param>
    /// <param name="lengthY">Extent along y, in metres.</param>
    /// <returns>The grid; its depth is 1 m.</returns>
    public static Grid Create2D(int nx, int ny, double lengthX, double lengthY)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nx, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ny, 1);
        return new Grid(nx, ny, 1, lengthX / nx, lengthY / ny, 1.0);
    }

    /// <summary>Creates a 3-D grid spanning the given extents, in metres.</summary>
    /// <param name="nx">Cells along x.</param>
    /// <param name="ny">Cells along y.</param>
    /// <param name="nz">Cells along z.</param>
    /// <param name="lengthX">Extent along x, in metres.</param>
    /// <param name="lengthY">Extent along y, in metres.</param>
    /// <param name="lengthZ">Extent along z, in metres.</param>
    /// <returns>The grid.</returns>
    public static Grid Create3D(int nx, int ny, int nz, double lengthX, double lengthY, double lengthZ)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nx, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ny, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(nz, 1);
        return new Grid(nx, ny, nz, lengthX / nx, lengthY / ny, lengthZ / nz);
    }

    /// <summary>The flat index of cell (<paramref name="i"/>, <paramref name="j"/>, <paramref name="k"/>).</summary>
    /// <param name="i">Index along x.</param>
    /// <param name="j">Index along y.</param>
    /// <param name="k">Index along z.</param>
    /// <returns><c>i + Nx * (j + Ny * k)</c>.</returns>
    public int Index(int i, int j = 0, int k = 0) => i + (Nx * (j + (Ny * k)));

    /// <summary>The centre coordinate of cell <paramref name="i"/> along x, in metres from the west face.</summary>
    /// <param name="i">Index along x.</param>
    /// <returns><c>(i + 0.5) * Dx</c>.</returns>
    public double CentreX(int i) => (i + 0.5) * Dx;

    /// <summary>The centre coordinate of cell <paramref name="j"/> along y, in metres from the south face.</summary>
    /// <param name="j">Index along y.</param>
    /// <returns><c>(j + 0.5) * Dy</c>.</returns>
    public double CentreY(int j) => (j + 0.5) * Dy;

    /// <summary>The centre coordinate of cell <paramref name="k"/> along z, in metres from the bottom face.</summary>
    /// <param name="k">Index along z.</param>
    /// <returns><c>(k + 0.5) * Dz</c>.</returns>
    public double CentreZ(int k) => (k + 0.5) * Dz;

    private static void ThrowIfNotPositive(double value, string name)
    {
        if (!(value > 0.0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "A cell spacing must be positive and finite (metres).");
        }
    }
}
