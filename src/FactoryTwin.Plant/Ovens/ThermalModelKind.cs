namespace FactoryTwin.Plant.Ovens;

/// <summary>How the metal temperature of a point is computed.</summary>
public enum ThermalModelKind
{
    /// <summary>Lumped where the Biot number h·(d/2)/k is below the threshold (uniform through the thickness), slab otherwise.</summary>
    Auto,

    /// <summary>Always through-thickness conduction in a 1-D slab heated on both faces.</summary>
    Slab,

    /// <summary>Always lumped: ρ·c·d·dT/dt = 2·h·(T∞ − T).</summary>
    Lumped,
}
