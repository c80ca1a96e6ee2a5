namespace FactoryTwin.Thermal.Solver;

/// <summary>The values of one face's condition at one instant (passed to CPU loops and ILGPU kernels).</summary>
/// <param name="Kind">Kind code (<see cref="BoundaryMath"/>).</param>
/// <param name="Value">Face temperature (K), inward flux (W/m²) or fluid temperature (K).</param>
/// <param name="H">Convective coefficient, W/(m²·K).</param>
/// <param name="Emissivity">Emissivity ε.</param>
/// <param name="Radiant">Surroundings temperature, K.</param>
/// <param name="InvSpacing">1/Δn, 1/m.</param>
internal readonly record struct FaceValues(int Kind, double Value, double H, double Emissivity, double Radiant, double InvSpacing);
