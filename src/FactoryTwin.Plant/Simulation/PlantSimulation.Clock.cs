namespace FactoryTwin.Plant.Simulation;

/// <summary>Instants and simulation time (<see cref="SimulationClockMap"/>).</summary>
public sealed partial class PlantSimulation
{
    /// <summary>Gets the site's time zone (UTC when the plant names one this machine does not know).</summary>
    public TimeZoneInfo TimeZone => _clock.TimeZone;

    /// <summary>Returns the simulation time, in [0, one week), that has the same local week time as <paramref name="instant"/>.</summary>
    /// <param name="instant">An instant.</param>
    /// <returns>Simulation seconds.</returns>
    public double SimulationTimeOf(DateTimeOffset instant) => _clock.SimulationTimeOf(instant);

    /// <summary>
    /// Returns the instant of a simulation time when simulation time 0 lies in the week (Monday to Sunday, site time)
    /// that contains <paramref name="week"/>.
    /// </summary>
    /// <param name="simulationTime">Simulation seconds (may exceed a week).</param>
    /// <param name="week">Any day of the week of simulation time 0.</param>
    /// <returns>The instant, with the site's UTC offset at that local time.</returns>
    public DateTimeOffset InstantOf(double simulationTime, DateOnly week) => _clock.InstantOf(simulationTime, week);

    /// <summary>
    /// Returns the shift around an instant: the shift of the plant's line calendars that is running at
    /// <paramref name="instant"/> (lines in file order), or, between shifts, the next one to start.
    /// </summary>
    /// <param name="instant">An instant.</param>
    /// <returns>The shift's start and end; the end is after <paramref name="instant"/>.</returns>
    /// <exception cref="InvalidOperationException">No line's calendar has a shift.</exception>
    public (DateTimeOffset Start, DateTimeOffset End) ShiftAround(DateTimeOffset instant) => _clock.ShiftAround(instant);
}
