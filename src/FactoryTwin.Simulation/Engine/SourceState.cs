namespace FactoryTwin.Simulation.Engine;

/// <summary>State of a source.</summary>
internal struct SourceState
{
    /// <summary>Part waiting at the source, or -1.</summary>
    public int Held;

    public long Created;

    public bool ArrivalPending;

    public double NextArrival;
}
