namespace FactoryTwin.Twin.Abstractions;

/// <summary>A station's state; the codes equal <see cref="Model.Plants.StationState"/>'s.</summary>
[GenerateSerializer, Alias("FactoryTwin.Twin.TwinStationState")]
public enum TwinStationState
{
    /// <summary>Processing a part.</summary>
    Working = 0,

    /// <summary>Changing over.</summary>
    Setup = 1,

    /// <summary>Done, but the next element has no room.</summary>
    Blocked = 2,

    /// <summary>Waiting for a part.</summary>
    Starved = 3,

    /// <summary>Failed or under repair.</summary>
    Down = 4,

    /// <summary>Outside shift time.</summary>
    OffShift = 5,

    /// <summary>No state has been reported yet.</summary>
    Unknown = 6,
}
