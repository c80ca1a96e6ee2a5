namespace FactoryTwin.Thermal.Solver;

/// <summary>
/// Reduces every boundary condition to the linear form q_face = U·(T_eff − T_cell) + q₀ per unit face area, with the
/// half-cell conduction resistance Δx/(2k) between the cell centre and the face in series
/// (cell-centred finite volumes, e.g. Patankar, <i>Numerical Heat Transfer and Fluid Flow</i>, 1980, §4.2-3).
/// Written without allocations or exceptions so that ILGPU kernels can call it.
/// </summary>
internal static class BoundaryMath
{
    /// <summary>Kind code of <see cref="Problem.BoundaryKind.Insulated"/>.</summary>
    public const int Insulated = 0;

    /// <summary>Kind code of <see cref="Problem.BoundaryKind.FixedTemperature"/>.</summary>
    public const int FixedTemperature = 1;

    /// <summary>Kind code of <see cref="Problem.BoundaryKind.FixedFlux"/>.</summary>
    public const int FixedFlux = 2;

    /// <summary>Kind code of <see cref="Problem.BoundaryKind.ConvectionRadiation"/>.</summary>
    public const int Robin = 3;

    /// <summary>Stefan–Boltzmann constant, W/(m²·K⁴).</summary>
    public const double Sigma = 5.670374419e-8;

    /// <summary>
    /// Computes the implicit diagonal contribution <paramref name="u"/> (W/(m²·K)) and the explicit part <paramref name="s"/> (W/m²)
    /// so that the heat entering through the face is s − u·T_cell.
    /// Radiation is linearized around the current cell temperature T* with the secant coefficient
    /// h_r = εσ(Tr² + T*²)(Tr + T*), which is exact at T = T* (εσ(Tr⁴ − T⁴) = h_r(Tr − T)).
    /// </summary>
    /// <param name="kind">Kind code.</param>
    /// <param name="value">Face temperature (K), inward flux (W/m²) or fluid temperature (K).</param>
    /// <param name="h">Convective coefficient, W/(m²·K).</param>
    /// <param name="emissivity">Emissivity ε.</param>
    /// <param name="radiant">Surroundings temperature Tr, K.</param>
    /// <param name="halfConductance">2k/Δx of the boundary cell, W/(m²·K).</param>
    /// <param name="cellTemperature">Current cell temperature T*, K.</param>
    /// <param name="u">Implicit coefficient, W/(m²·K).</param>
    /// <param name="s">Explicit part, W/m².</param>
    public static void Coefficients(int kind, double value, double h, double emissivity, double radiant, double halfConductance, double cellTemperature, out double u, out double s)
    {
        if (kind == FixedTemperature)
        {
            u = halfConductance;
            s = halfConductance * value;
        }
        else if (kind == FixedFlux)
        {
            u = 0.0;
            s = value;
        }
        else if (kind == Robin)
        {
            var t = cellTemperature;
            var hr = emissivity * Sigma * ((radiant * radiant) + (t * t)) * (radiant + t);
            var htot = h + hr;

            // series resistance 1/h_tot + dx/(2k) between fluid and cell centre; written without 1/h_tot so h_tot = 0 is safe
            var w = halfConductance / (htot + halfConductance);
            u = htot * w;
            s = ((h * value) + (hr * radiant)) * w;
        }
        else
        {
            u = 0.0;
            s = 0.0;
        }
    }
}
