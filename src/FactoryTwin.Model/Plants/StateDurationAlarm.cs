using FactoryTwin.Model.Ids;

namespace FactoryTwin.Model.Plants;

/// <summary>Active while a station has been in <see cref="State"/> longer than <see cref="LongerThan"/>.</summary>
public sealed record StateDurationAlarm : AlarmRule
{
    /// <summary>Gets the station.</summary>
    public required AssetId Asset { get; init; }

    /// <summary>Gets the state.</summary>
    public required StationState State { get; init; }

    /// <summary>Gets the time in the state after which the alarm is raised, in seconds.</summary>
    public required double LongerThan { get; init; }
}
