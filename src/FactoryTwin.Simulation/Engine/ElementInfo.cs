using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Simulation.Engine;

/// <summary>
/// The fields of an <see cref="ElementDefinition"/> that the event loop reads, flattened into one array of
/// structs (no pointer chasing through definition, options and failure-model objects per event). Inputs and
/// outputs are ranges of one shared index array.
/// </summary>
internal struct ElementInfo
{
    public ElementKind Kind;

    /// <summary>Whether the element is a buffer or conveyor whose parts may leave at once (zero transit time).</summary>
    public bool ZeroTransitStore;

    /// <summary>Station: each machine's failures count its operating time (machine-scoped failures only).</summary>
    public bool OperatingClock;

    /// <summary>Station: one failure process stops every machine at once (<see cref="FailureScope.Station"/>).</summary>
    public bool StationFailures;

    /// <summary>Station: has changeover rules.</summary>
    public bool HasSetup;

    /// <summary>Station: scrap or rework probability above 0.</summary>
    public bool HasQuality;

    /// <summary>Source: saturated (no inter-arrival time), so a new part is created whenever one leaves.</summary>
    public bool Saturated;

    public int FirstMachine;

    public int EndMachine;

    /// <summary>Capacity of a buffer or conveyor.</summary>
    public int Capacity;

    public int InputStart;

    public int InputEnd;

    public int OutputStart;

    public int OutputEnd;

    /// <summary>Transit time of a conveyor in seconds (0 for a buffer).</summary>
    public double TransitTime;

    /// <summary>Where every part leaving the element goes (its only output, when no rework can redirect a part), or -1.</summary>
    public int FixedTarget;

    /// <summary>
    /// Station on the serial fast path (<see cref="LineSimulation"/>'s <c>FinishSerial</c>): the source or zero-transit
    /// store that feeds it alone, or -1 where the general hand-over applies.
    /// </summary>
    public int SerialInput;

    /// <summary>Station on the serial fast path: the element its output store passes every part to, or -1 when its output is a sink.</summary>
    public int SerialNext;

    /// <summary>Station on the serial fast path: the one machine of the station that alone feeds its input store, or -1 (then the store pulls by the general path).</summary>
    public int SerialUpstreamMachine;
}
