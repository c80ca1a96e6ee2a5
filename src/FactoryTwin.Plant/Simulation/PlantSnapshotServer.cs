using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// One server (machine, manual station, oven position) of a station in a <see cref="PlantSnapshot"/>. Times that are
/// not known are <see langword="null"/>; they are then drawn from the model's distributions conditioned on the time
/// already spent.
/// </summary>
public sealed record PlantSnapshotServer
{
    /// <summary>
    /// Gets the state. <see cref="StationState.Down"/> makes the server wait for its repair;
    /// <see cref="StationState.OffShift"/> is informative only (off shift follows from the instant and the calendar);
    /// <see cref="StationState.Blocked"/> with a part means the part is finished and waits to leave.
    /// </summary>
    /// <value>The default value is <see cref="StationState.Starved"/>.</value>
    public StationState State { get; init; } = StationState.Starved;

    /// <summary>Gets how long the server has been in <see cref="State"/>, or <see langword="null"/> when unknown (taken as 0).</summary>
    public TimeSpan? TimeInState { get; init; }

    /// <summary>
    /// Gets the part on the server, or <see langword="null"/> when it holds none or the plant does not know it. A server
    /// that is <see cref="StationState.Working"/>, in <see cref="StationState.Setup"/> or <see cref="StationState.Blocked"/>
    /// without a part is given one of the plant's most frequent variant and colour.
    /// </summary>
    public PlantSnapshotPart? Part { get; init; }

    /// <summary>
    /// Gets whether the processing of <see cref="Part"/> is finished and the part only waits to leave; when
    /// <see langword="null"/> it is finished exactly when <see cref="State"/> is <see cref="StationState.Blocked"/>.
    /// </summary>
    public bool? PartFinished { get; init; }

    /// <summary>
    /// Gets whether the finished <see cref="Part"/> was sent to rework and waits to go to the station's rework target
    /// rather than on down the line; <see langword="false"/> (the default) when not known.
    /// </summary>
    public bool PartToRework { get; init; }

    /// <summary>
    /// Gets the processing time already spent on <see cref="Part"/>, or <see langword="null"/> when unknown (then the time
    /// in <see cref="StationState.Working"/>, else 0). Used to draw the remaining processing time when
    /// <see cref="RemainingWork"/> is unknown.
    /// </summary>
    public TimeSpan? ElapsedWork { get; init; }

    /// <summary>Gets the remaining processing time of <see cref="Part"/>, or <see langword="null"/> when unknown (drawn).</summary>
    public TimeSpan? RemainingWork { get; init; }

    /// <summary>Gets the remaining setup time while <see cref="State"/> is <see cref="StationState.Setup"/>, or <see langword="null"/> when unknown (the station's setup time less <see cref="TimeInState"/>).</summary>
    public TimeSpan? RemainingSetup { get; init; }

    /// <summary>Gets the remaining repair time while <see cref="StationState.Down"/>, or <see langword="null"/> when unknown (drawn from the repair time distribution conditioned on <see cref="TimeInState"/>).</summary>
    public TimeSpan? RemainingRepair { get; init; }

    /// <summary>Gets the time to the next failure on the failure's clock (operating or calendar time), or <see langword="null"/> when unknown (drawn afresh).</summary>
    public TimeSpan? TimeToFailure { get; init; }

    /// <summary>Gets the variant of the last part this server started (for setups by variant), or <see langword="null"/>.</summary>
    public VariantId? LastVariant { get; init; }

    /// <summary>Gets the colour of the last part this server started (for setups by colour), or <see langword="null"/>.</summary>
    public ColourId? LastColour { get; init; }
}
