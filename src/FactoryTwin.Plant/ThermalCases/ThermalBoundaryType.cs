namespace FactoryTwin.Plant.ThermalCases;

/// <summary>The <c>type</c> of a boundary in a thermal case file (written in kebab case).</summary>
internal enum ThermalBoundaryType
{
    /// <summary>No heat crosses the face.</summary>
    Insulated,

    /// <summary>The face is held at 'temperature'.</summary>
    FixedTemperature,

    /// <summary>'flux' enters the solid.</summary>
    FixedFlux,

    /// <summary>h·(T∞ − Ts), plus εσ(T∞⁴ − Ts⁴) when 'emissivity' is given.</summary>
    Convection,

    /// <summary>εσ(T∞⁴ − Ts⁴).</summary>
    Radiation,
}
