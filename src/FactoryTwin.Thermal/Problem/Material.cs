namespace FactoryTwin.Thermal.Problem;

/// <summary>Thermal properties of a solid.</summary>
/// <param name="Conductivity">Thermal conductivity k, in W/(m·K).</param>
/// <param name="Density">Density ρ, in kg/m³.</param>
/// <param name="SpecificHeat">Specific heat capacity c, in J/(kg·K).</param>
public readonly record struct Material(double Conductivity, double Density, double SpecificHeat)
{
    /// <summary>Low-carbon steel (k = 50 W/(m·K), ρ = 7850 kg/m³, c = 470 J/(kg·K)).</summary>
    public static Material Steel => new(50.0, 7850.0, 470.0);

    /// <summary>Aluminium alloy (k = 167 W/(m·K), ρ = 2700 kg/m³, c = 896 J/(kg·K)).</summary>
    public static Material Aluminium => new(167.0, 2700.0, 896.0);

    /// <summary>Volumetric heat capacity ρc, in J/(m³·K).</summary>
    public double VolumetricHeatCapacity => Density * SpecificHeat;

    /// <summary>Thermal diffusivity α = k/(ρc), in m²/s.</summary>
    public double Diffusivity => Conductivity / (Density * SpecificHeat);

    /// <summary>Throws when a property is not positive and finite.</summary>
    /// <param name="paramName">The parameter name reported in the exception.</param>
    /// <exception cref="ArgumentOutOfRangeException">A property is not positive and finite.</exception>
    public void Validate(string paramName)
    {
        if (!IsPositive(Conductivity) || !IsPositive(Density) || !IsPositive(SpecificHeat))
        {
            throw new ArgumentOutOfRangeException(paramName, "Conductivity, density and specific heat must be positive and finite.");
        }
    }

    private static bool IsPositive(double v) => v > 0.0 && double.IsFinite(v);
}
