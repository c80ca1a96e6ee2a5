namespace FactoryTwin.Plant.ThermalCases;

/// <summary>
/// An axis-aligned box of a thermal case assigned to a material (and optionally a volumetric source): every cell whose
/// centre lies inside the box, faces included, takes the region's material. Later regions override earlier ones.
/// </summary>
/// <param name="MaterialId">The material of the box.</param>
/// <param name="From">The lower corner (x, y, z), in metres; unused dimensions are 0.</param>
/// <param name="To">The upper corner (x, y, z), in metres; unused dimensions are 0.</param>
/// <param name="Source">The volumetric heat source in the box, in W/m³; <see langword="null"/> keeps the case's source.</param>
public sealed record ThermalRegion(string MaterialId, ThermalPoint From, ThermalPoint To, double? Source)
{
    /// <summary>Gets whether <paramref name="point"/> lies inside the box (faces included).</summary>
    /// <param name="point">The point, in metres.</param>
    /// <returns><see langword="true"/> when inside.</returns>
    public bool Contains(ThermalPoint point) =>
        point.X >= From.X && point.X <= To.X && point.Y >= From.Y && point.Y <= To.Y && point.Z >= From.Z && point.Z <= To.Z;
}
