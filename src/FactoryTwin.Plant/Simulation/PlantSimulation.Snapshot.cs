using System.Collections.Immutable;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Simulation.Engine;
using FactoryTwin.Simulation.Modeling;
using FactoryTwin.Simulation.Snapshots;
using FactoryTwin.Simulation.Statistics;
using PlantBuffer = FactoryTwin.Model.Plants.Buffer;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// Plant snapshots and warm start: the map between a <see cref="PlantSnapshot"/> (plant vocabulary, instants) and the
/// engine's <see cref="LineSnapshot"/> (element names, simulation seconds), and between instants and simulation time.
/// </summary>
/// <remarks>
/// Simulation time t lies at local week time <see cref="StartWeekTime"/> + t in the site's time zone; the engine
/// calendars repeat every week, so an instant maps to the simulation time in [0, one week) with the same week time.
/// Daylight-saving changes are not modelled: a shift is as long as its calendar says.
/// </remarks>
public sealed partial class PlantSimulation
{
    private TimeZoneInfo? _timeZone;

    /// <summary>Gets the site's time zone (UTC when the plant names one this machine does not know).</summary>
    public TimeZoneInfo TimeZone => _timeZone ??= TimeZoneInfo.TryFindSystemTimeZoneById(Plant.Site.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Returns the simulation time, in [0, one week), that has the same local week time as <paramref name="instant"/>.</summary>
    /// <param name="instant">An instant.</param>
    /// <returns>Simulation seconds.</returns>
    public double SimulationTimeOf(DateTimeOffset instant)
    {
        double t = (WeekTimeOf(instant) - StartWeekTime) % WeekCalendar.Week;
        return t < 0 ? t + WeekCalendar.Week : t;
    }

    /// <summary>
    /// Returns the instant of a simulation time when simulation time 0 lies in the week (Monday to Sunday, site time)
    /// that contains <paramref name="week"/>.
    /// </summary>
    /// <param name="simulationTime">Simulation seconds (may exceed a week).</param>
    /// <param name="week">Any day of the week of simulation time 0.</param>
    /// <returns>The instant, with the site's UTC offset at that local time.</returns>
    public DateTimeOffset InstantOf(double simulationTime, DateOnly week)
    {
        if (!double.IsFinite(simulationTime))
        {
            throw new ArgumentOutOfRangeException(nameof(simulationTime), simulationTime, "The simulation time must be finite.");
        }

        var monday = week.AddDays(-(((int)week.DayOfWeek + 6) % 7)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var local = monday.AddSeconds(StartWeekTime + simulationTime);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    /// <summary>
    /// Returns the shift around an instant: the shift of the plant's line calendars that is running at
    /// <paramref name="instant"/> (lines in file order), or, between shifts, the next one to start.
    /// </summary>
    /// <param name="instant">An instant.</param>
    /// <returns>The shift's start and end; the end is after <paramref name="instant"/>.</returns>
    /// <exception cref="InvalidOperationException">No line's calendar has a shift.</exception>
    public (DateTimeOffset Start, DateTimeOffset End) ShiftAround(DateTimeOffset instant)
    {
        double now = WeekTimeOf(instant);
        double bestStart = double.NaN, bestEnd = double.NaN;
        foreach (var id in Plant.Lines().Select(l => l.Calendar).Distinct())
        {
            var calendar = Plant.Calendars.FirstOrDefault(c => c.Id == id);
            if (calendar is null)
            {
                continue;
            }

            foreach (var shift in calendar.Shifts)
            {
                foreach (var day in shift.Days)
                {
                    // Start of this weekly shift relative to now, in (-week, 0] when it started at or before now.
                    double start = WeekCalendar.WeekTime(day, shift.Start) - now;
                    start -= Math.Ceiling(start / WeekCalendar.Week) * WeekCalendar.Week;
                    if (start + shift.Duration > 0)
                    {
                        // Running now: the first running shift wins.
                        if (double.IsNaN(bestStart) || bestStart > 0)
                        {
                            bestStart = start;
                            bestEnd = start + shift.Duration;
                        }

                        continue;
                    }

                    start += WeekCalendar.Week;
                    if (double.IsNaN(bestStart) || (bestStart > 0 && start < bestStart))
                    {
                        bestStart = start;
                        bestEnd = start + shift.Duration;
                    }
                }
            }

            if (!double.IsNaN(bestStart) && bestStart <= 0)
            {
                break;
            }
        }

        if (double.IsNaN(bestStart))
        {
            throw new InvalidOperationException("No line of the plant works to a calendar with shifts.");
        }

        return (instant.AddSeconds(bestStart), instant.AddSeconds(bestEnd));
    }

    /// <summary>
    /// Captures a running simulation of this plant as a <see cref="PlantSnapshot"/>, with the exact remaining times the
    /// run knows (processing, setup, repair, time to failure, next release, conveyor transit).
    /// </summary>
    /// <param name="simulation">A simulation of <see cref="Model"/>, positioned at the instant.</param>
    /// <param name="instant">The instant of <see cref="LineSimulation.Now"/> (see <see cref="InstantOf"/>).</param>
    /// <param name="shiftStart">
    /// The result of <paramref name="simulation"/> at the start of the current shift (<see cref="LineSimulation.GetResult"/>
    /// called then), so that each line's output counts this shift only; <see langword="null"/> counts the whole
    /// statistics window.
    /// </param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentException"><paramref name="simulation"/> runs another model.</exception>
    public PlantSnapshot CaptureSnapshot(LineSimulation simulation, DateTimeOffset instant, ReplicationResult? shiftStart = null)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        if (!ReferenceEquals(simulation.Model, Model))
        {
            throw new ArgumentException("The simulation runs another model than this plant's.", nameof(simulation));
        }

        var snapshot = FromEngineSnapshot(simulation.CaptureSnapshot(), instant);
        var now = simulation.GetResult();
        var lines = ImmutableArray.CreateBuilder<PlantSnapshotLine>(Lines.Length);
        for (int l = 0; l < Lines.Length; l++)
        {
            long good = LineGood(now, l) - (shiftStart is null ? 0 : LineGood(shiftStart, l));
            long scrap = 0;
            foreach (var station in Lines[l].Stations)
            {
                int s = _stationIndex[station.Value];
                scrap += now.Stations[s].Scrapped - (shiftStart?.Stations[s].Scrapped ?? 0);
            }

            lines.Add(new PlantSnapshotLine { Line = Lines[l].Line, Good = Math.Max(good, 0), Scrap = Math.Max(scrap, 0) });
        }

        return snapshot with { Lines = lines.MoveToImmutable() };
    }

    /// <summary>
    /// Converts an engine snapshot of this plant's model into plant vocabulary (line outputs are left empty).
    /// </summary>
    /// <param name="snapshot">An engine snapshot of <see cref="Model"/>.</param>
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
            switch (Plant.FindElement(id))
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
            if (!queue.IsEmpty)
            {
                stations.Add(new PlantSnapshotStation { Station = new AssetId(target), ReworkQueue = queue });
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
    /// Converts a plant snapshot into the engine snapshot that warm-starts <see cref="Model"/> at
    /// <see cref="SimulationTimeOf"/>(<see cref="PlantSnapshot.Instant"/>). Unknown times stay unknown (NaN) and are
    /// drawn per replication by the engine, conditioned on the time already spent.
    /// </summary>
    /// <param name="snapshot">The plant snapshot.</param>
    /// <returns>The engine snapshot.</returns>
    /// <exception cref="ArgumentException">
    /// The snapshot names an asset the plant does not have or of the wrong kind, a variant or colour the plant does not
    /// know, more servers than a station has or more parts than a store holds; the message names it.
    /// </exception>
    public LineSnapshot ToEngineSnapshot(PlantSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        double time = SimulationTimeOf(snapshot.Instant);
        var elements = ImmutableArray.CreateBuilder<ElementSnapshot>();
        PartSnapshot Part(PlantSnapshotPart p) => ToEnginePart(p, time, snapshot.Instant);
        foreach (var s in snapshot.Stations)
        {
            ArgumentNullException.ThrowIfNull(s);
            if (Plant.FindElement(s.Station) is not Station station)
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
                string queue = PlantSimulationBuilder.ReworkQueueName(s.Station);
                if (!Model.ElementNames.Contains(queue, StringComparer.Ordinal))
                {
                    throw new ArgumentException($"The snapshot has a rework queue at '{s.Station}', but no station sends rework there.", nameof(snapshot));
                }

                elements.Add(new ElementSnapshot { Name = queue, Parts = [.. s.ReworkQueue.Select(p => new StoredPartSnapshot(Part(p)))] });
            }
        }

        foreach (var s in snapshot.Stores)
        {
            ArgumentNullException.ThrowIfNull(s);
            var element = Plant.FindElement(s.Store);
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
        }

        foreach (var s in snapshot.Sources)
        {
            ArgumentNullException.ThrowIfNull(s);
            if (Plant.FindElement(s.Source) is not Source)
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
            if (!Lines.Any(m => m.Line == l.Line))
            {
                throw new ArgumentException($"The snapshot names a line '{l.Line}' that the plant does not have.", nameof(snapshot));
            }
        }

        return new LineSnapshot(time, elements.ToImmutable());
    }

    /// <summary>Creates a simulation of this plant that starts from <paramref name="snapshot"/> and stops at <paramref name="until"/>.</summary>
    /// <param name="snapshot">The plant state to start from.</param>
    /// <param name="until">The instant the run ends; after <see cref="PlantSnapshot.Instant"/>.</param>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication number (selects independent random streams).</param>
    /// <returns>The simulation, positioned at the snapshot; its statistics window starts there.</returns>
    public LineSimulation CreateRun(PlantSnapshot snapshot, ulong seed, int replication, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var start = ToEngineSnapshot(snapshot);
        double horizon = (until - snapshot.Instant).TotalSeconds;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(horizon, 0, nameof(until));
        var options = new SimulationOptions { Seed = seed, WarmUpTime = start.Time, EndTime = start.Time + horizon };
        return new LineSimulation(Model, options, replication, start);
    }

    private double WeekTimeOf(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
        return WeekCalendar.WeekTime(local.DayOfWeek, TimeOnly.MinValue) + local.TimeOfDay.TotalSeconds;
    }

    private PlantSnapshotServer ToPlantServer(Station station, MachineSnapshot ms, Func<PartSnapshot, PlantSnapshotPart> part)
    {
        var state = ms.Status switch
        {
            MachineStatus.Working => StationState.Working,
            MachineStatus.SettingUp => StationState.Setup,
            MachineStatus.Blocked => StationState.Blocked,
            MachineStatus.Down => StationState.Down,
            MachineStatus.OffShift => StationState.OffShift,
            _ => StationState.Starved,
        };
        VariantId? lastVariant = null;
        ColourId? lastColour = null;
        if (station.Setup is { } setup && ms.LastSetupKey >= 0)
        {
            if (setup.By == SetupBasis.Colour && ms.LastSetupKey < Plant.Colours.Count)
            {
                lastColour = Plant.Colours[ms.LastSetupKey].Id;
            }
            else if (setup.By == SetupBasis.Variant && ms.LastSetupKey < Plant.Variants.Count)
            {
                lastVariant = Plant.Variants[ms.LastSetupKey].Id;
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
                ? (server.LastColour is { } c ? IndexOf(Plant.Colours.Select(x => x.Id), c, "colour") : -1)
                : (server.LastVariant is { } v ? IndexOf(Plant.Variants.Select(x => x.Id), v, "variant") : -1);
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
        Variant = Plant.Variants.Count > 0 ? Plant.Variants.Items.MaxBy(v => v.Mix)!.Id : null,
        Colour = Plant.Colours.Count > 0 ? Plant.Colours.Items.MaxBy(c => c.Mix)!.Id : null,
    };

    private PlantSnapshotPart ToPlantPart(PartSnapshot p, double time, DateTimeOffset instant) => new()
    {
        Variant = p.Attribute(PlantPartAttributes.Variant) is var v && v < Plant.Variants.Count ? Plant.Variants[v].Id : null,
        Colour = p.Attribute(PlantPartAttributes.Colour) is var c && c < Plant.Colours.Count ? Plant.Colours[c].Id : null,
        EnteredAt = instant.AddSeconds(p.EntryTime - time),
        Reworks = p.Reworks,
    };

    private PartSnapshot ToEnginePart(PlantSnapshotPart p, double time, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(p);
        int variant = p.Variant is { } v ? IndexOf(Plant.Variants.Select(x => x.Id), v, "variant") : 0;
        int colour = p.Colour is { } c ? IndexOf(Plant.Colours.Select(x => x.Id), c, "colour") : 0;
        double entry = p.EnteredAt is { } at ? time - (instant - at).TotalSeconds : time;
        return new PartSnapshot([variant, colour], entry, Math.Max(p.Reworks, 0)); // PlantPartAttributes order
    }

    private static int IndexOf<T>(IEnumerable<T> ids, T id, string what)
    {
        int i = 0;
        foreach (var x in ids)
        {
            if (EqualityComparer<T>.Default.Equals(x, id))
            {
                return i;
            }

            i++;
        }

        throw new ArgumentException($"The snapshot names a {what} '{id}' that the plant does not have.", nameof(id));
    }

    private static TimeSpan? Seconds(double seconds) => double.IsFinite(seconds) ? TimeSpan.FromSeconds(seconds) : null;
}
