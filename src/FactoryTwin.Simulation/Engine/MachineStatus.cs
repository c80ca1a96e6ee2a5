namespace FactoryTwin.Simulation.Engine;

/// <summary>
/// What a machine is doing, for statistics and snapshots. When several apply, the first in this order
/// wins: <see cref="Down"/>, <see cref="OffShift"/>, then the machine's phase.
/// </summary>
public enum MachineStatus
{
    /// <summary>Up, on shift and holding no part (waiting for work).</summary>
    Starved = 0,

    /// <summary>Processing a part.</summary>
    Working = 1,

    /// <summary>Changing over before processing a part.</summary>
    SettingUp = 2,

    /// <summary>Holding a finished part that the next element cannot take yet.</summary>
    Blocked = 3,

    /// <summary>Failed and under repair.</summary>
    Down = 4,

    /// <summary>Its station's shift calendar is off shift.</summary>
    OffShift = 5,
}
