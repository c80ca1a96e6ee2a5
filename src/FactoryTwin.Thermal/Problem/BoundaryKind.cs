namespace FactoryTwin.Thermal.Problem;

/// <summary>The kind of a boundary condition.</summary>
public enum BoundaryKind
{
    /// <summary>No heat crosses the face (zero flux).</summary>
    Insulated = 0,

    /// <summary>The face is held at a prescribed temperature (Dirichlet).</summary>
    FixedTemperature = 1,

    /// <summary>A prescribed heat flux enters the solid through the face (Neumann).</summary>
    FixedFlux = 2,

    /// <summary>Convection h·(T∞ − Ts) plus optional radiation εσ(Tr⁴ − Ts⁴) (Robin).</summary>
    ConvectionRadiation = 3,
}
