namespace FactoryTwin.Simulation.Engine;

/// <summary>FIFO ring of a buffer or conveyor: part indices and the time each is ready to leave.</summary>
internal struct StoreState
{
    public int[] Parts;

    public double[] Ready;

    public int Head;

    public int Count;

    public double LevelSince;
}
