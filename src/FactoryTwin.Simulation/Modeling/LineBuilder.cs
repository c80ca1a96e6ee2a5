namespace FactoryTwin.Simulation.Modeling;

/// <summary>
/// Builds a <see cref="LineModel"/>: add sources, stations, buffers, conveyors and sinks, connect them,
/// then call <see cref="Build"/>. Element names must be unique: random streams are keyed by name, so two
/// scenarios that share names share random numbers (common random numbers).
/// </summary>
/// <example>
/// <code>
/// var b = new LineBuilder();
/// var src = b.AddSource("in");
/// var s1 = b.AddStation("S1", new StationOptions { ProcessingTime = Distribution.Exponential(60) });
/// var buf = b.AddBuffer("B1", 5);
/// var s2 = b.AddStation("S2", new StationOptions { ProcessingTime = Distribution.Exponential(60) });
/// var sink = b.AddSink("out");
/// b.Chain(src, s1, buf, s2, sink);
/// LineModel model = b.Build();
/// </code>
/// </example>
public sealed class LineBuilder
{
    /// <summary>Capacity meaning "unbounded" for <see cref="AddBuffer"/>.</summary>
    public const int Unbounded = int.MaxValue;

    private readonly List<Pending> _elements = [];
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    /// <summary>Adds a source.</summary>
    /// <param name="name">Unique element name.</param>
    /// <param name="options">Arrival process and product mix; <see langword="null"/> for a saturated single-variant source.</param>
    /// <returns>The new element's id.</returns>
    public ElementId AddSource(string name, SourceOptions? options = null)
    {
        options ??= new SourceOptions();
        if (options.AttributeMixes.IsDefaultOrEmpty || options.AttributeMixes.Length > PartAttributes.MaxCount)
        {
            throw new ArgumentException($"A source gives 1 to {PartAttributes.MaxCount} part attributes (the variant first).", nameof(options));
        }

        foreach (var mix in options.AttributeMixes)
        {
            if (mix.IsDefaultOrEmpty || mix.Length > PartAttributes.MaxValues)
            {
                throw new ArgumentException($"Each attribute mix needs 1 to {PartAttributes.MaxValues} weights.", nameof(options));
            }

            CheckWeights(mix, nameof(options));
        }
        if (options.MaxParts is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxParts must be at least 0.");
        }

        return Add(name, ElementKind.Source, p => p.Source = options);
    }

    /// <summary>Adds a station.</summary>
    /// <param name="name">Unique element name.</param>
    /// <param name="options">Machines, processing times, failures, setups, quality and calendar.</param>
    /// <returns>The new element's id.</returns>
    public ElementId AddStation(string name, StationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Servers, 1, nameof(options));
        if (options.ScrapProbability is < 0 or > 1 || options.ReworkProbability is < 0 or > 1
            || options.ScrapProbability + options.ReworkProbability > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Scrap and rework probabilities must lie in [0, 1] and sum to at most 1.");
        }

        if (options.ReworkProbability > 0 && options.ReworkTarget is null)
        {
            throw new ArgumentException("A rework probability needs a rework target.", nameof(options));
        }

        if (options.Inspector is not null && options.ReworkTarget is null)
        {
            throw new ArgumentException("A station with an inspector needs a rework target.", nameof(options));
        }

        if (options.Setup is { } setup && (setup.DefaultTime < 0 || !double.IsFinite(setup.DefaultTime)
            || (!setup.Matrix.IsDefaultOrEmpty && setup.Matrix.Length != setup.KeyCount * setup.KeyCount)))
        {
            throw new ArgumentException("Setup times must be finite and at least 0, and the matrix KeyCount × KeyCount.", nameof(options));
        }

        if (options.Setup is { Attribute: < 0 or >= PartAttributes.MaxCount })
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"A setup keys on a part attribute from 0 to {PartAttributes.MaxCount - 1}.");
        }

        return Add(name, ElementKind.Station, p => p.Station = options);
    }

    /// <summary>Adds a FIFO buffer with no transit time.</summary>
    /// <param name="name">Unique element name.</param>
    /// <param name="capacity">Number of parts it holds, at least 1, or <see cref="Unbounded"/>.</param>
    /// <returns>The new element's id.</returns>
    public ElementId AddBuffer(string name, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return Add(name, ElementKind.Buffer, p => p.Capacity = capacity);
    }

    /// <summary>Adds an accumulating FIFO conveyor: each part needs <paramref name="transitTime"/> to reach the end, where it waits to leave.</summary>
    /// <param name="name">Unique element name.</param>
    /// <param name="capacity">Number of slots (parts on the conveyor, moving or waiting), at least 1.</param>
    /// <param name="transitTime">Transit time in seconds, at least 0.</param>
    /// <returns>The new element's id.</returns>
    public ElementId AddConveyor(string name, int capacity, double transitTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (!(transitTime >= 0) || !double.IsFinite(transitTime))
        {
            throw new ArgumentOutOfRangeException(nameof(transitTime), transitTime, "The transit time must be a finite number of seconds, at least 0.");
        }

        return Add(name, ElementKind.Conveyor, p =>
        {
            p.Capacity = capacity;
            p.TransitTime = transitTime;
        });
    }

    /// <summary>Adds a sink, where parts leave the line as good output.</summary>
    /// <param name="name">Unique element name.</param>
    /// <returns>The new element's id.</returns>
    public ElementId AddSink(string name) => Add(name, ElementKind.Sink, _ => { });

    /// <summary>
    /// Connects <paramref name="from"/> to <paramref name="to"/>. An element with several outputs sends each
    /// part to the first output, in connection order, that can accept it ("first available"); an element with
    /// several inputs (a merge) takes the part that has waited longest.
    /// </summary>
    /// <param name="from">The upstream element.</param>
    /// <param name="to">The downstream element.</param>
    /// <returns>This builder.</returns>
    public LineBuilder Connect(ElementId from, ElementId to)
    {
        var p = Get(from);
        Get(to);
        if (p.Outputs.Contains(to.Index))
        {
            throw new ArgumentException("These elements are already connected.", nameof(to));
        }

        p.Outputs.Add(to.Index);
        return this;
    }

    /// <summary>Connects the elements one after the other (a serial line).</summary>
    /// <param name="elements">The elements in flow order.</param>
    /// <returns>This builder.</returns>
    public LineBuilder Chain(params ElementId[] elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        for (int i = 1; i < elements.Length; i++)
        {
            Connect(elements[i - 1], elements[i]);
        }

        return this;
    }

    /// <summary>Routes each part by its variant: variant <c>v</c> goes to <paramref name="targetByVariant"/>[v].</summary>
    /// <param name="from">The splitting element.</param>
    /// <param name="targetByVariant">The target of each variant; every variant of the line needs one.</param>
    /// <returns>This builder.</returns>
    public LineBuilder SplitByVariant(ElementId from, IReadOnlyList<ElementId> targetByVariant)
    {
        ArgumentNullException.ThrowIfNull(targetByVariant);
        var p = Get(from);
        p.Outputs.Clear();
        p.OutputByVariant = new int[targetByVariant.Count];
        for (int v = 0; v < targetByVariant.Count; v++)
        {
            Get(targetByVariant[v]);
            int o = p.Outputs.IndexOf(targetByVariant[v].Index);
            if (o < 0)
            {
                o = p.Outputs.Count;
                p.Outputs.Add(targetByVariant[v].Index);
            }

            p.OutputByVariant[v] = o;
        }

        p.Routing = RoutingKind.ByVariant;
        return this;
    }

    /// <summary>Routes each part to a target drawn at random with the given fractions; the part then waits for that target.</summary>
    /// <param name="from">The splitting element.</param>
    /// <param name="targets">Targets with their (relative, positive) fractions.</param>
    /// <returns>This builder.</returns>
    public LineBuilder SplitByFraction(ElementId from, IReadOnlyList<(ElementId Target, double Fraction)> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var p = Get(from);
        p.Outputs.Clear();
        double total = 0;
        foreach (var (target, fraction) in targets)
        {
            Get(target);
            if (!(fraction > 0) || !double.IsFinite(fraction) || p.Outputs.Contains(target.Index))
            {
                throw new ArgumentException("Fractions must be positive and targets distinct.", nameof(targets));
            }

            p.Outputs.Add(target.Index);
            total += fraction;
        }

        p.CumulativeFractions = new double[targets.Count];
        double acc = 0;
        for (int i = 0; i < targets.Count; i++)
        {
            acc += targets[i].Fraction / total;
            p.CumulativeFractions[i] = acc;
        }

        p.CumulativeFractions[^1] = 1.0;
        p.Routing = RoutingKind.ByFraction;
        return this;
    }

    /// <summary>Validates the connections and builds the immutable model.</summary>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidOperationException">The line is not well formed.</exception>
    public LineModel Build()
    {
        int n = _elements.Count;
        var defs = new ElementDefinition[n];
        var inputs = new List<int>[n];
        for (int i = 0; i < n; i++)
        {
            inputs[i] = [];
        }

        var valueCounts = new List<int> { 1 };
        foreach (var p in _elements)
        {
            if (p.Source is { } s)
            {
                for (int a = 0; a < s.AttributeMixes.Length; a++)
                {
                    if (a == valueCounts.Count)
                    {
                        valueCounts.Add(1);
                    }

                    valueCounts[a] = Math.Max(valueCounts[a], s.AttributeMixes[a].Length);
                }
            }
        }

        int variantCount = valueCounts[PartAttributes.Variant];

        var calendars = new List<ShiftCalendar>();
        int machines = 0;
        for (int i = 0; i < n; i++)
        {
            var p = _elements[i];
            foreach (int o in p.Outputs)
            {
                inputs[o].Add(i);
            }

            int rework = -1;
            if (p.Station?.ReworkTarget is { } rt)
            {
                Get(rt);
                rework = rt.Index;
                if (!inputs[rework].Contains(i) && !p.Outputs.Contains(rework))
                {
                    inputs[rework].Add(i);
                }
            }

            int calendar = -1;
            if (p.Station?.Calendar is { } cal)
            {
                calendar = calendars.IndexOf(cal);
                if (calendar < 0)
                {
                    calendar = calendars.Count;
                    calendars.Add(cal);
                }
            }

            defs[i] = new ElementDefinition
            {
                Name = p.Name,
                Kind = p.Kind,
                Index = i,
                NameHash = Fnv1a(p.Name),
                Station = p.Station,
                Source = p.Source,
                Capacity = p.Kind == ElementKind.Buffer || p.Kind == ElementKind.Conveyor ? p.Capacity : 0,
                TransitTime = p.TransitTime,
                Outputs = [.. p.Outputs],
                Routing = p.Routing,
                CumulativeFractions = p.CumulativeFractions,
                OutputByVariant = p.OutputByVariant,
                ReworkTarget = rework,
                CalendarIndex = calendar,
                FirstMachine = machines,
                MachineCount = p.Station?.Servers ?? 0,
            };
            machines += defs[i].MachineCount;
        }

        for (int i = 0; i < n; i++)
        {
            defs[i].Inputs = [.. inputs[i]];
            Validate(defs, defs[i], variantCount);
        }

        return new LineModel(defs, [.. calendars], machines, [.. valueCounts]);
    }

    private static void Validate(ElementDefinition[] defs, ElementDefinition d, int variantCount)
    {
        string name = d.Name;
        switch (d.Kind)
        {
            case ElementKind.Source when d.Inputs.Length > 0:
                throw new InvalidOperationException($"Source '{name}' cannot have inputs.");
            case ElementKind.Sink when d.Outputs.Length > 0:
                throw new InvalidOperationException($"Sink '{name}' cannot have outputs.");
            case not ElementKind.Sink when d.Outputs.Length == 0:
                throw new InvalidOperationException($"Element '{name}' has no output.");
            default:
                break;
        }

        if (d.ReworkTarget >= 0 && defs[d.ReworkTarget].Kind == ElementKind.Source)
        {
            throw new InvalidOperationException($"Station '{name}' sends rework to a source.");
        }

        if (d.Routing == RoutingKind.ByVariant && d.OutputByVariant.Length < variantCount)
        {
            throw new InvalidOperationException($"Element '{name}' splits by variant but does not route all {variantCount} variants.");
        }

        if (d.Kind == ElementKind.Source && d.Source!.InterArrivalTime is null)
        {
            foreach (int o in d.Outputs)
            {
                var t = defs[o];
                if (t.Kind == ElementKind.Sink || (t.Capacity == Unbounded && t.Kind is ElementKind.Buffer or ElementKind.Conveyor))
                {
                    throw new InvalidOperationException($"Saturated source '{name}' feeds '{t.Name}', which never refuses a part; give the source an inter-arrival time.");
                }
            }
        }
    }

    private static ulong Fnv1a(string name)
    {
        // FNV-1a 64 over UTF-16 code units: stable across processes (unlike string.GetHashCode).
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in name)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        return h;
    }

    private static void CheckWeights(IEnumerable<double> weights, string param)
    {
        double sum = 0;
        foreach (double w in weights)
        {
            if (!(w >= 0) || !double.IsFinite(w))
            {
                throw new ArgumentException("Mix weights must be finite and at least 0.", param);
            }

            sum += w;
        }

        if (!(sum > 0))
        {
            throw new ArgumentException("Mix weights must not all be 0.", param);
        }
    }

    private ElementId Add(string name, ElementKind kind, Action<Pending> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_byName.TryAdd(name, _elements.Count))
        {
            throw new ArgumentException($"An element named '{name}' already exists.", nameof(name));
        }

        var p = new Pending { Name = name, Kind = kind };
        configure(p);
        _elements.Add(p);
        return new ElementId(_elements.Count - 1);
    }

    private Pending Get(ElementId id)
    {
        if ((uint)id.Index >= (uint)_elements.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id.Index, "No element with this id was added to this builder.");
        }

        return _elements[id.Index];
    }

    private sealed class Pending
    {
        public required string Name { get; init; }

        public required ElementKind Kind { get; init; }

        public StationOptions? Station { get; set; }

        public SourceOptions? Source { get; set; }

        public int Capacity { get; set; }

        public double TransitTime { get; set; }

        public List<int> Outputs { get; } = [];

        public RoutingKind Routing { get; set; }

        public double[] CumulativeFractions { get; set; } = [];

        public int[] OutputByVariant { get; set; } = [];
    }
}
