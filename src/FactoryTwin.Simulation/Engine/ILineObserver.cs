namespace FactoryTwin.Simulation.Engine;

/// <summary>
/// Receives what happens inside a <see cref="LineSimulation"/> as it happens, in event order: machine status changes,
/// part creation, entry and exit per element, completions and store levels. Elements are engine element indices
/// (<see cref="Modeling.ElementId.Index"/>); parts are engine part numbers, valid from <see cref="OnPartCreated"/> until
/// the part leaves the line (enters a sink or is scrapped), after which the number may be given to a new part.
/// Calls come from the thread that runs the simulation; an observer must not call back into the simulation.
/// </summary>
/// <remarks>Set through <see cref="LineSimulation.Observer"/>; when none is set the engine pays one null check per notification.</remarks>
public interface ILineObserver
{
    /// <summary>A machine of a station changed status.</summary>
    /// <param name="time">Simulation time in seconds.</param>
    /// <param name="element">The station's element index.</param>
    /// <param name="server">The machine within the station, 0 to servers − 1.</param>
    /// <param name="status">The new status.</param>
    void OnMachineStatusChanged(double time, int element, int server, MachineStatus status);

    /// <summary>A source created a part (it waits in the source until the next element takes it).</summary>
    /// <param name="time">Simulation time in seconds.</param>
    /// <param name="source">The source's element index.</param>
    /// <param name="part">The part number.</param>
    /// <param name="attributes">
    /// The part's attribute values (<see cref="Modeling.PartAttributes"/>; each a position in the source's mix of that
    /// attribute), one per attribute of the model; valid during the call only.
    /// </param>
    void OnPartCreated(double time, int source, int part, ReadOnlySpan<int> attributes);

    /// <summary>A part entered a station, buffer, conveyor or sink (a part that enters a sink has left the line).</summary>
    /// <param name="time">Simulation time in seconds.</param>
    /// <param name="element">The element index.</param>
    /// <param name="part">The part number.</param>
    void OnPartEntered(double time, int element, int part);

    /// <summary>A part left a source, station, buffer or conveyor (also when it is scrapped at a station).</summary>
    /// <param name="time">Simulation time in seconds.</param>
    /// <param name="element">The element index.</param>
    /// <param name="part">The part number.</param>
    void OnPartExited(double time, int element, int part);

    /// <summary>A station finished processing a part: good, sent to rework, or scrapped (then it leaves the line).</summary>
    /// <param name="time">Simulation time in seconds.</param>
    /// <param name="element">The station's element index.</param>
    /// <param name="part">The part number.</param>
    /// <param name="outcome">What became of the part.</param>
    void OnPartCompleted(double time, int element, int part, PartOutcome outcome);

    /// <summary>The number of parts in a buffer or conveyor changed.</summary>
    /// <param name="time">Simulation time in seconds.</param>
    /// <param name="element">The store's element index.</param>
    /// <param name="level">The parts in it now.</param>
    void OnStoreLevelChanged(double time, int element, int level);
}
