using System.Collections.Immutable;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Snapshots;
using PlantBuffer = FactoryTwin.Model.Plants.Buffer;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// The map between a <see cref="PlantSnapshot"/> (plant vocabulary: assets, variant and colour ids, instants) and the
/// engine's <see cref="LineSnapshot"/> (element names, part attributes, simulation seconds). Unknown times stay
/// unknown (NaN) and are drawn per replication by the engine; a server that works, sets up or is blocked without a
/// reported part holds the most frequent variant and colour. Immutable.
/// </summary>
internal sealed class EngineSnapshotMapper
{
    private readonly PlantModel _plant;
    private readonly LineModel _model;
    private readonly ImmutableArray<PlantLineMap> _lines;
    private readonly SimulationClockMap _clock;

    public EngineSnapshotMapper(PlantModel plant, LineModel model, ImmutableArray<PlantLineMap> lines, SimulationClockMap clock)
    {
        _plant = plant;
        _model = model;
        _lines = lines;
        _clock = clock;
    }

    /// <summary>Converts an engine snapshot of the plant's model into plant vocabulary (line outputs are left empty).</summary>
    /// <param name="snapshot">An engine snapshot of the plant's engine model.</param>
    /// <param name="instant">The instant of <see cref="LineSnapshot.Time"/>.</param>
    /// <returns>The plant snapshot.</returns>
    public PlantSnapshot FromEngineSnapshot(LineSnapshot snapshot, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var stations = ImmutableArray.CreateBuilder<PlantSnapshotStation>();
        var stores = ImmutableArray.CreateBuilder<PlantSnapshotStore>();
        var sources = ImmutableArray.CreateBuilder<PlantSnapshotSource>();
        var reworkQueues = new Dictionary<string, ImmutableArray<PlantSnapshotPart>>(StringComparer.Ordinal);
        PlantSnapshotPart Part(PartSnapshot p) => ToPlantPart(p, snapshot.Time, instant);
        foreach (var es in snapshot.Elements)
        {
            if (es.Name.EndsWith("/rework", StringComparison.Ordinal))
            {
                reworkQueues[es.Name[..^"/rework".Length]] = [.. es.Parts.Select(p => Part(p.Part))];
            }
        }

        foreach (var es in snapshot.Elements)
        {
            if (es.Name.EndsWith("/rework", StringComparison.Ordinal))
            {
                continue;
            }

            var id = new AssetId(es.Name);
            switch (_plant.FindElement(id))
            {
                case Station station:
                    var servers = ImmutableArray.CreateBuilder<PlantSnapshotServer>(es.Machines.Length);
                    foreach (var ms in es.Machines)
                    {
                        servers.Add(ToPlantServer(station, ms, Part));
                    }

                    stations.Add(new PlantSnapshotStation
                    {
                        Station = id,
                        Servers = servers.MoveToImmutable(),
                        ReworkQueue = reworkQueues.Remove(es.Name, out var queue) ? queue : [],
                    });
                    break;
                case PlantBuffer or Conveyor:
                    stores.Add(new PlantSnapshotStore
                    {
                        Store = id,
                        Parts = [.. es.Parts.Select(p => new PlantSnapshotStoredPart { Part = Part(p.Part), RemainingTransit = TimeSpan.FromSeconds(p.RemainingTransit) })],
                        ReworkQueue = reworkQueues.Remove(es.Name, out var lane) ? lane : [],
                    });
                    break;
                case Source:
                    sources.Add(new PlantSnapshotSource
                    {
                        Source = id,
                        HeldPart = es.HeldPart is { } held ? Part(held) : null,
                        NextReleaseIn = double.IsNaN(es.NextArrivalIn) ? null : TimeSpan.FromSeconds(es.NextArrivalIn),
                    });
                    break;
                default:
                    break;
            }
        }

        foreach (var (target, queue) in reworkQueues)
        {
            if (queue.IsEmpty)
            {
                continue;
            }

            // The rework target is not in the snapshot (it is empty): the queue alone, on a station or a store.
            var id = new AssetId(target);
            if (_plant.FindElement(id) is Station)
            {
                stations.Add(new PlantSnapshotStation { Station = id, ReworkQueue = queue });
            }
            else
            {
                stores.Add(new PlantSnapshotStore { Store = id, ReworkQueue = queue });
            }
        }

        return new PlantSnapshot
        {
            Instant = instant,
            Stations = stations.ToImmutable(),
            Stores = stores.ToImmutable(),
            Sources = sources.ToImmutable(),
        };
    }

    /// <summary>
    /// Converts a plant snapshot into the engine snapshot that warm-starts the plant's engine model at the simulation
    /// time of <see cref="PlantSnapshot.Instant"/>. Unknown times stay unknown (NaN) and are
    /// drawn per replication by the engine, conditioned on the time already spent.
    /// </summary>
    /// <param name="snapshot">The plant snapshot.</param>
    /// <param name="bodyIds">Receives, when given, the body id of each engine part made from a part with one (by reference).</param>
    /// <returns>The engine snapshot.</returns>
    /// <exception cref="ArgumentException">
    /// The snapshot names an asset the plant does not have or of the wrong kind, a variant or colour the plant does not
    /// know, more servers than a station has or more parts than a store holds; the message names it.
    /// </exception>
    public LineSnapshot ToEngineSnapshot(PlantSnapshot snapshot, IDictionary<PartSnapshot, string>? bodyIds = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        double time = _clock.SimulationTimeOf(snapshot.Instant);
        var elements = ImmutableArray.CreateBuilder<ElementSnapshot>();
        PartSnapshot Part(PlantSnapshotPart p)
        {
            var part = ToEnginePart(p, time, snapshot.Instant);
            if (bodyIds is not null && p.BodyId is { } body)
            {
                bodyIds[part] = body;
            }

            return part;
        }

        foreach (var s in snapshot.Stations)
        {
            ArgumentNullException.ThrowIfNull(s);
            if (_plant.FindElement(s.Station) is not Station station)
            {
                throw new ArgumentException($"The snapshot names a station '{s.Station}' that the plant does not have.", nameof(snapshot));
            }

            if (s.Servers.Length > station.Capacity)
            {
                throw new ArgumentException($"The snapshot gives station '{s.Station}' {s.Servers.Length} servers; it has {station.Capacity}.", nameof(snapshot));
            }

            if (!s.Servers.IsEmpty)
            {
                elements.Add(new ElementSnapshot { Name = s.Station.Value, Machines = [.. s.Servers.Select(m => ToEngineMachine(station, m, Part))] });
            }

            if (!s.ReworkQueue.IsEmpty)
            {
                elements.Add(ReworkQueueOf(s.Station, s.ReworkQueue, Part)
                    ?? throw new ArgumentException($"The snapshot has a rework queue at '{s.Station}', but no station sends rework there.", nameof(snapshot)));
            }
        }

        foreach (var s in snapshot.Stores)
        {
            ArgumentNullException.ThrowIfNull(s);
            var element = _plant.FindElement(s.Store);
            double transit = element is Conveyor c ? c.TransitTime : 0;
            int capacity = element switch
            {
                PlantBuffer b => b.Capacity,
                Conveyor cv => cv.Capacity,
                _ => throw new ArgumentException($"The snapshot names a buffer or conveyor '{s.Store}' that the plant does not have.", nameof(snapshot)),
            };
            if (s.Parts.Length > capacity)
            {
                throw new ArgumentException($"The snapshot puts {s.Parts.Length} parts on '{s.Store}'; it holds {capacity}.", nameof(snapshot));
            }

            var parts = ImmutableArray.CreateBuilder<StoredPartSnapshot>(s.Parts.Length);
            for (int k = 0; k < s.Parts.Length; k++)
            {
                var sp = s.Parts[k];
                ArgumentNullException.ThrowIfNull(sp);

                // Unknown positions: the parts are taken as evenly spread along the conveyor, the first at its end.
                double remaining = sp.RemainingTransit is { } r ? r.TotalSeconds : transit * k / s.Parts.Length;
                parts.Add(new StoredPartSnapshot(Part(sp.Part), Math.Clamp(remaining, 0, transit)));
            }

            if (parts.Count > 0)
            {
                elements.Add(new ElementSnapshot { Name = s.Store.Value, Parts = parts.MoveToImmutable() });
            }

            if (!s.ReworkQueue.IsEmpty)
            {
                elements.Add(ReworkQueueOf(s.Store, s.ReworkQueue, Part)
                    ?? throw new ArgumentException($"The snapshot has a rework queue at '{s.Store}', but no station sends rework there.", nameof(snapshot)));
            }
        }

        foreach (var s in snapshot.Sources)
        {
            ArgumentNullException.ThrowIfNull(s);
            if (_plant.FindElement(s.Source) is not Source)
            {
                throw new ArgumentException($"The snapshot names a source '{s.Source}' that the plant does not have.", nameof(snapshot));
            }

            elements.Add(new ElementSnapshot
            {
                Name = s.Source.Value,
                HeldPart = s.HeldPart is { } held ? Part(held) : null,
                NextArrivalIn = s.NextReleaseIn is { } next ? Math.Max(next.TotalSeconds, 0) : double.NaN,
            });
        }

        foreach (var l in snapshot.Lines)
        {
            ArgumentNullException.ThrowIfNull(l);
            if (!_lines.Any(m => m.Line == l.Line))
            {
                throw new ArgumentException($"The snapshot names a line '{l.Line}' that the plant does not have.", nameof(snapshot));
            }
        }

        return new LineSnapshot(time, elements.ToImmutable());
    }

    /// <summary>The engine rework queue in front of <paramref name="target"/> holding <paramref name="parts"/>, or <see langword="null"/> when the model has none there.</summary>
    private ElementSnapshot? ReworkQueueOf(AssetId target, ImmutableArray<PlantSnapshotPart> parts, Func<PlantSnapshotPart, PartSnapshot> part)
    {
        string queue = PlantSimulationBuilder.ReworkQueueName(target);
        return _model.ElementNames.Contains(queue, StringComparer.Ordinal)
            ? new ElementSnapshot { Name = queue, Parts = [.. parts.Select(p => new StoredPartSnapshot(part(p)))] }
            : null;
    }

    private PlantSnapshotServer ToPlantServer(Station station, MachineSnapshot ms, Func<PartSnapshot, PlantSnapshotPart> part)
    {
        var state = LivePlantRun.ToStationState(ms.Status);
        VariantId? lastVariant = null;
        ColourId? lastColour = null;
        if (station.Setup is { } setup && ms.LastSetupKey >= 0)
        {
            if (setup.By == SetupBasis.Colour && ms.LastSetupKey < _plant.Colours.Count)
            {
                lastColour = _plant.Colours[ms.LastSetupKey].Id;
            }
            else if (setup.By == SetupBasis.Variant && ms.LastSetupKey < _plant.Variants.Count)
            {
                lastVariant = _plant.Variants[ms.LastSetupKey].Id;
            }
        }

        return new PlantSnapshotServer
        {
            State = state,
            TimeInState = Seconds(ms.TimeInStatus),
            Part = ms.Part is { } p ? part(p) : null,
            PartFinished = ms.Part is null ? null : ms.PartFinished,
            PartToRework = ms.Part is not null && ms.PartFinished && ms.PartToRework,
            ElapsedWork = ms.Part is not null && ms.ElapsedWork > 0 ? Seconds(ms.ElapsedWork) : null,
            RemainingWork = Seconds(ms.RemainingWork),
            RemainingSetup = Seconds(ms.RemainingSetup),
            RemainingRepair = Seconds(ms.RemainingRepair),
            TimeToFailure = Seconds(ms.RemainingTimeToFailure),
            LastVariant = lastVariant,
            LastColour = lastColour,
        };
    }

    private MachineSnapshot ToEngineMachine(Station station, PlantSnapshotServer server, Func<PlantSnapshotPart, PartSnapshot> part)
    {
        ArgumentNullException.ThrowIfNull(server);
        var status = server.State switch
        {
            StationState.Working => MachineStatus.Working,
            StationState.Setup => MachineStatus.SettingUp,
            StationState.Blocked => MachineStatus.Blocked,
            StationState.Down => MachineStatus.Down,
            StationState.OffShift => MachineStatus.OffShift,
            _ => MachineStatus.Starved,
        };
        double timeInState = Math.Max(server.TimeInState?.TotalSeconds ?? 0, 0);

        // A server that works, sets up or is blocked holds a part even when the plant does not say which: without one
        // the restored server would start empty and take a part too many. It gets the most frequent variant and colour.
        var held = server.Part ?? (server.State is StationState.Working or StationState.Setup or StationState.Blocked ? TypicalPart() : null);
        server = server with { Part = held };
        bool finished = server.Part is not null && (server.PartFinished ?? server.State == StationState.Blocked);
        double remainingSetup = double.NaN;
        if (server.Part is not null && !finished && server.State == StationState.Setup)
        {
            // Unknown remaining setup: the station's (constant) setup time less the time spent setting up.
            remainingSetup = server.RemainingSetup?.TotalSeconds ?? Math.Max((station.Setup?.Time.Mean ?? 0) - timeInState, 0);
        }

        int lastKey = -1;
        if (station.Setup is { } setup)
        {
            lastKey = setup.By == SetupBasis.Colour
                ? (server.LastColour is { } c ? Known(PlantPartAttributes.IndexOf(_plant, c), "colour", c.Value) : -1)
                : (server.LastVariant is { } v ? Known(PlantPartAttributes.IndexOf(_plant, v), "variant", v.Value) : -1);
        }

        return new MachineSnapshot
        {
            Status = status,
            TimeInStatus = timeInState,
            Part = server.Part is { } p ? part(p) : null,
            PartFinished = finished,
            PartToRework = finished && server.PartToRework,
            RemainingSetup = remainingSetup,
            RemainingWork = server.RemainingWork is { } w ? Math.Max(w.TotalSeconds, 0) : double.NaN,
            ElapsedWork = Math.Max(server.ElapsedWork?.TotalSeconds ?? 0, 0),
            RemainingRepair = server.State == StationState.Down && server.RemainingRepair is { } r ? Math.Max(r.TotalSeconds, 0) : double.NaN,
            RemainingTimeToFailure = server.TimeToFailure is { } f ? Math.Max(f.TotalSeconds, 0) : double.NaN,
            LastSetupKey = lastKey,
        };
    }

    private PlantSnapshotPart TypicalPart() => new()
    {
        Variant = _plant.Variants.Count > 0 ? _plant.Variants.Items.MaxBy(v => v.Mix)!.Id : null,
        Colour = _plant.Colours.Count > 0 ? _plant.Colours.Items.MaxBy(c => c.Mix)!.Id : null,
    };

    private PlantSnapshotPart ToPlantPart(PartSnapshot p, double time, DateTimeOffset instant) => new()
    {
        Variant = p.Attribute(PlantPartAttributes.Variant) is var v && v < _plant.Variants.Count ? _plant.Variants[v].Id : null,
        Colour = p.Attribute(PlantPartAttributes.Colour) is var c && c < _plant.Colours.Count ? _plant.Colours[c].Id : null,
        EnteredAt = instant.AddSeconds(p.EntryTime - time),
        Reworks = p.Reworks,
    };

    private PartSnapshot ToEnginePart(PlantSnapshotPart p, double time, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(p);
        int variant = p.Variant is { } v ? Known(PlantPartAttributes.IndexOf(_plant, v), "variant", v.Value) : 0;
        int colour = p.Colour is { } c ? Known(PlantPartAttributes.IndexOf(_plant, c), "colour", c.Value) : 0;
        double entry = p.EnteredAt is { } at ? time - (instant - at).TotalSeconds : time;
        return new PartSnapshot([variant, colour], entry, Math.Max(p.Reworks, 0)); // PlantPartAttributes order
    }

    private static int Known(int index, string what, string id) =>
        index >= 0 ? index : throw new ArgumentException($"The snapshot names a {what} '{id}' that the plant does not have.", nameof(id));

    private static TimeSpan? Seconds(double seconds) => double.IsFinite(seconds) ? TimeSpan.FromSeconds(seconds) : null;
}
