namespace FactoryTwin.Simulation.Engine;

/// <summary>Where a machine is with its part.</summary>
internal enum MachinePhase : byte
{
    /// <summary>No part.</summary>
    Empty,

    /// <summary>Changing over before processing.</summary>
    Setup,

    /// <summary>Processing.</summary>
    Work,

    /// <summary>Processing finished; the part waits to leave.</summary>
    Done,
}
