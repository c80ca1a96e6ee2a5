namespace FactoryTwin.Simulation.Kernel;

/// <summary>
/// Event kinds. The numeric value is also the priority among events at the same time: a lower value
/// runs first; events of equal time and kind run in insertion order. Work that ends at an instant is
/// credited before the state changes at that instant (a part finishing exactly when a shift ends or a
/// failure strikes is finished).
/// </summary>
internal enum EventKind : byte
{
    /// <summary>End of the warm-up period: statistics are reset.</summary>
    WarmUpEnd = 0,

    /// <summary>A machine's setup or processing ends.</summary>
    PhaseEnd = 1,

    /// <summary>An injected stop of a buffer or conveyor ends (<see cref="Engine.LineSimulation.StopStore"/>): before the transits that end with it.</summary>
    StopEnd = 2,

    /// <summary>A part reaches the end of a conveyor.</summary>
    TransitEnd = 3,

    /// <summary>A machine's repair ends.</summary>
    RepairEnd = 4,

    /// <summary>The repair of a station-wide failure ends (<see cref="Modeling.FailureScope.Station"/>): every machine comes back.</summary>
    StationRepairEnd = 5,

    /// <summary>A calendar-time failure.</summary>
    CalendarFailure = 6,

    /// <summary>A station-wide failure, on either clock (<see cref="Modeling.FailureScope.Station"/>): every machine goes down.</summary>
    StationFailure = 7,

    /// <summary>An operating-time failure (the machine's operating clock ran out while working).</summary>
    OperatingFailure = 8,

    /// <summary>A shift calendar switches between on shift and off shift.</summary>
    ShiftChange = 9,

    /// <summary>A paced source releases a part.</summary>
    Arrival = 10,
}
