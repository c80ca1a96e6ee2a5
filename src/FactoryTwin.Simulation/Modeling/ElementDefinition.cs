namespace FactoryTwin.Simulation.Modeling;

/// <summary>One element of a built line (immutable after <see cref="LineBuilder.Build"/>).</summary>
internal sealed class ElementDefinition
{
    public required string Name { get; init; }

    public required ElementKind Kind { get; init; }

    public required int Index { get; init; }

    /// <summary>Stable 64-bit FNV-1a hash of <see cref="Name"/>: the base of this element's random stream ids.</summary>
    public ulong NameHash { get; init; }

    public StationOptions? Station { get; init; }

    public SourceOptions? Source { get; init; }

    /// <summary>Capacity of a buffer or conveyor (int.MaxValue = unbounded).</summary>
    public int Capacity { get; init; }

    /// <summary>Transit time of a conveyor in seconds (0 for a buffer).</summary>
    public double TransitTime { get; init; }

    public int[] Outputs { get; set; } = [];

    public int[] Inputs { get; set; } = [];

    public RoutingKind Routing { get; set; }

    /// <summary>Cumulative fractions for <see cref="RoutingKind.ByFraction"/>.</summary>
    public double[] CumulativeFractions { get; set; } = [];

    /// <summary>Output index per variant for <see cref="RoutingKind.ByVariant"/>.</summary>
    public int[] OutputByVariant { get; set; } = [];

    public int ReworkTarget { get; set; } = -1;

    public int CalendarIndex { get; set; } = -1;

    public int FirstMachine { get; set; }

    public int MachineCount { get; set; }
}
