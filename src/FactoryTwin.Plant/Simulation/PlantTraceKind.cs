namespace FactoryTwin.Plant.Simulation;

/// <summary>What a <see cref="PlantTraceEvent"/> reports.</summary>
public enum PlantTraceKind
{
    /// <summary>A station's state changed (<see cref="PlantTraceEvent.State"/>).</summary>
    State,

    /// <summary>A station finished a part good or scrapped it (a part sent to rework changes neither); <see cref="PlantTraceEvent.Good"/> and <see cref="PlantTraceEvent.Scrap"/> are its running totals.</summary>
    Count,

    /// <summary>A body entered the asset (created at a source, entered a station, buffer, conveyor or sink).</summary>
    PartEnter,

    /// <summary>A body left the asset (also when it is scrapped at a station).</summary>
    PartExit,

    /// <summary>The number of bodies in a buffer or conveyor changed (<see cref="PlantTraceEvent.Level"/>).</summary>
    Level,
}
