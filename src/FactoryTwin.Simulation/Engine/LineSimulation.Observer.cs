using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Simulation.Engine;

/// <summary>The optional observer of a run and the read-only views of element state it needs.</summary>
public sealed partial class LineSimulation
{
    private ILineObserver? _observer;

    /// <summary>
    /// Gets or sets the observer notified of every status change, part movement, completion and store level, or
    /// <see langword="null"/> for none (the default). Set it before <see cref="Reset(int, Snapshots.LineSnapshot?)"/>
    /// to see the parts the start creates; a restored snapshot's parts and statuses are not notified (read them with
    /// <see cref="GetMachineStatus"/> and <see cref="GetStoreLevel"/>).
    /// </summary>
    public ILineObserver? Observer
    {
        get => _observer;
        set => _observer = value;
    }

    /// <summary>Returns the current status of one machine of a station.</summary>
    /// <param name="station">The station.</param>
    /// <param name="server">The machine within the station, 0 to servers − 1.</param>
    /// <returns>Its status.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The element is not a station or has no such server.</exception>
    public MachineStatus GetMachineStatus(ElementId station, int server)
    {
        var d = DefinitionOf(station);
        if (d.Kind != ElementKind.Station || (uint)server >= (uint)d.MachineCount)
        {
            throw new ArgumentOutOfRangeException(nameof(server), server, $"'{d.Name}' is not a station with a server {server}.");
        }

        return _machines[d.FirstMachine + server].Status;
    }

    /// <summary>Returns the number of parts in a buffer or conveyor.</summary>
    /// <param name="store">The buffer or conveyor.</param>
    /// <returns>The parts in it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The element is not a buffer or conveyor.</exception>
    public int GetStoreLevel(ElementId store)
    {
        var d = DefinitionOf(store);
        if (d.Kind is not (ElementKind.Buffer or ElementKind.Conveyor))
        {
            throw new ArgumentOutOfRangeException(nameof(store), store.Index, $"'{d.Name}' is not a buffer or conveyor.");
        }

        return _stores[d.Index].Count;
    }

    private ElementDefinition DefinitionOf(ElementId id)
    {
        if ((uint)id.Index >= (uint)_defs.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id.Index, "No such element in this model.");
        }

        return _defs[id.Index];
    }
}
