using System.Collections.Immutable;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Simulation.Modeling;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// A whole plant as one engine model (built by <see cref="PlantSimulationBuilder"/>): the engine
/// <see cref="LineModel"/>, the maps from asset ids and lines to engine elements, and
/// <see cref="Run(PlantRunOptions, IProgress{int}?, CancellationToken)"/> to run replications and summarize them per plant line and station. Engine element
/// names are the asset ids, so random streams follow the assets (common random numbers between variants
/// of a plant file). Immutable and safe to share between threads.
/// </summary>
public sealed partial class PlantSimulation
{
    private readonly IReadOnlyDictionary<AssetId, ElementId> _elements;
    private readonly Dictionary<string, int> _stationIndex = new(StringComparer.Ordinal);
    private readonly int[][] _exitStationIndices;
    private readonly ElementId[][] _exitElements;
    private readonly SimulationClockMap _clock;
    private readonly EngineSnapshotMapper _mapper;

    internal PlantSimulation(
        PlantModel plant,
        PlantSimulationOptions options,
        LineModel model,
        double startWeekTime,
        IReadOnlyDictionary<AssetId, ElementId> elements,
        ImmutableArray<PlantLineMap> lines,
        ImmutableArray<string> approximations)
    {
        Plant = plant;
        Options = options;
        Model = model;
        StartWeekTime = startWeekTime;
        _elements = elements;
        Lines = lines;
        Approximations = approximations;
        _clock = new SimulationClockMap(plant, startWeekTime);
        _mapper = new EngineSnapshotMapper(plant, model, lines, _clock);

        // Engine stations in builder order: the order of ReplicationResult.Stations.
        var stations = ImmutableArray.CreateBuilder<AssetId>();
        foreach (var name in model.ElementNames)
        {
            if (model.GetKind(model.Find(name)) == ElementKind.Station)
            {
                _stationIndex[name] = stations.Count;
                stations.Add(new AssetId(name));
            }
        }

        Stations = stations.ToImmutable();
        _exitStationIndices = new int[lines.Length][];
        _exitElements = new ElementId[lines.Length][];
        for (int l = 0; l < lines.Length; l++)
        {
            _exitStationIndices[l] = [.. lines[l].ExitStations.Select(s => _stationIndex[s.Value])];
            _exitElements[l] = [.. lines[l].ExitStations.Select(s => elements[s])];
        }
    }

    /// <summary>Gets the cure gates of the ovens that route bodies by their predicted cure, by oven.</summary>
    internal IReadOnlyDictionary<AssetId, OvenCureRouter> CureRouters { get; init; } = new Dictionary<AssetId, OvenCureRouter>();

    /// <summary>Gets the plant model the simulation was built from.</summary>
    public PlantModel Plant { get; }

    /// <summary>Gets the options the simulation was built with.</summary>
    public PlantSimulationOptions Options { get; }

    /// <summary>Gets the engine model of the whole plant.</summary>
    public LineModel Model { get; }

    /// <summary>Gets the week time at simulation time 0, in seconds after Monday 00:00 (e.g. 21 600 for Monday 06:00).</summary>
    public double StartWeekTime { get; }

    /// <summary>Gets the plant lines with their engine calendars, stations and exit stations, in file order.</summary>
    public ImmutableArray<PlantLineMap> Lines { get; }

    /// <summary>Gets the asset ids of every flow element, mapped to their engine elements.</summary>
    public IReadOnlyDictionary<AssetId, ElementId> Elements => _elements;

    /// <summary>
    /// Gets the plant's stations in the order of the engine's per-station results (<see cref="PlantReplication.Result"/>),
    /// which is also the station index of <see cref="PlantReplication.BottleneckShare"/>.
    /// </summary>
    public ImmutableArray<AssetId> Stations { get; }

    /// <summary>Gets the places where the engine could not represent the plant exactly and an approximation was used.</summary>
    public ImmutableArray<string> Approximations { get; }

    /// <summary>Returns the engine element of an asset.</summary>
    /// <param name="asset">The asset id of a flow element.</param>
    /// <returns>Its engine element.</returns>
    /// <exception cref="KeyNotFoundException">The plant has no flow element with that id.</exception>
    public ElementId ElementOf(AssetId asset) =>
        _elements.TryGetValue(asset, out var id) ? id : throw new KeyNotFoundException($"No flow element '{asset}'.");

    /// <summary>Returns the map of a line.</summary>
    /// <param name="line">The line id.</param>
    /// <returns>The line's map.</returns>
    /// <exception cref="KeyNotFoundException">The plant has no such line.</exception>
    public PlantLineMap Line(LineId line) =>
        Lines.FirstOrDefault(l => l.Line == line) ?? throw new KeyNotFoundException($"No line '{line}'.");
}
