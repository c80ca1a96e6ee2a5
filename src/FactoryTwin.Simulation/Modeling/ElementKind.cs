namespace FactoryTwin.Simulation.Modeling;

/// <summary>The kind of a line element.</summary>
public enum ElementKind
{
    /// <summary>Creates parts.</summary>
    Source,

    /// <summary>Processes parts on one or more parallel machines.</summary>
    Station,

    /// <summary>A FIFO buffer with a capacity and no transit time.</summary>
    Buffer,

    /// <summary>An accumulating FIFO conveyor with a capacity (slots) and a transit time.</summary>
    Conveyor,

    /// <summary>Absorbs finished parts.</summary>
    Sink,
}
