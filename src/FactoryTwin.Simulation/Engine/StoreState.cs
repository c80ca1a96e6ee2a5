namespace FactoryTwin.Simulation.Engine;

/// <summary>FIFO ring of a buffer or conveyor (each slot: a part and the time it is ready to leave) and its level histogram's place.</summary>
internal struct StoreState
{
    public StoreSlot[] Slots;

    public int Head;

    public int Count;

    public double LevelSince;

    /// <summary>Where the store's level histogram starts in the shared level-time array.</summary>
    public int LevelOffset;

    /// <summary>The histogram's last bin (levels at or above it are counted there).</summary>
    public int TopBin;
}

/// <summary>One place in a store's ring.</summary>
internal struct StoreSlot
{
    /// <summary>When the part may leave (the end of its transit).</summary>
    public double Ready;

    /// <summary>The part number.</summary>
    public int Part;
}
