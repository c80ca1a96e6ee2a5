namespace FactoryTwin.Plant.Simulation;

/// <summary>How a plant model is turned into one engine model.</summary>
public sealed record PlantSimulationOptions
{
    /// <summary>
    /// Gets the weekday at simulation time 0, or <see langword="null"/> for the day of the first shift of the week
    /// (weeks start on Monday; all calendars of the plant's lines are considered).
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DayOfWeek? StartDay { get; init; }

    /// <summary>
    /// Gets the local time of day at simulation time 0, or <see langword="null"/> for the start time of the first shift
    /// of the week (e.g. Monday 06:00). When <see cref="StartDay"/> is set and this is not, midnight is used.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public TimeOnly? StartTime { get; init; }
}
