using System.Collections.Immutable;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Simulation.Modeling;
using EngineCalendar = FactoryTwin.Simulation.Modeling.ShiftCalendar;
using EngineDistribution = FactoryTwin.Simulation.Modeling.Distribution;
using FailureScope = FactoryTwin.Simulation.Modeling.FailureScope;
using PlantFailureScope = FactoryTwin.Model.Plants.FailureScope;

namespace FactoryTwin.Plant.Simulation;

/// <summary>
/// Builds one engine model from a whole plant: every line's sources, stations (ovens included), buffers,
/// conveyors and sinks, joined by their routes across lines, with failures, setups, scrap, rework, the
/// product mix and each line's weekly shift calendar.
/// </summary>
public static class PlantSimulationBuilder
{
    /// <summary>Builds the engine model of <paramref name="plant"/>.</summary>
    /// <param name="plant">A validated plant model (SI units).</param>
    /// <param name="options">Where simulation time 0 lies in the week; <see langword="null"/> for the defaults.</param>
    /// <returns>The plant simulation: the engine model and the maps from assets and lines to it.</returns>
    /// <exception cref="InvalidOperationException">The plant's flow network is not a valid engine line (see the message).</exception>
    public static PlantSimulation Build(PlantModel plant, PlantSimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plant);
        options ??= new PlantSimulationOptions();
        var notes = new List<string>();
        double origin = StartOf(plant, options);

        var variants = plant.Variants.Items;
        var colours = plant.Colours.Items;
        var variantIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < variants.Length; i++)
        {
            variantIndex[variants[i].Id.Value] = i;
        }

        var colourIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < colours.Length; i++)
        {
            colourIndex[colours[i].Id.Value] = i;
        }

        var calendars = new Dictionary<CalendarId, EngineCalendar?>();
        foreach (var calendar in plant.Calendars)
        {
            var off = WeekCalendar.OffShift(calendar, origin);
            calendars[calendar.Id] = off.Count == 0 ? null : EngineCalendar.Periodic(WeekCalendar.Week, off);
        }

        var lines = plant.Lines().ToList();
        ImmutableArray<double> variantMix = variants.IsEmpty ? [1.0] : [.. variants.Select(v => v.Mix)];
        ImmutableArray<double> colourMix = colours.IsEmpty ? [1.0] : [.. colours.Select(c => c.Mix)];
        return Assemble(plant, options, origin, lines, calendars, variantIndex, colourIndex, variantMix, colourMix, notes);
    }

    private static PlantSimulation Assemble(
        PlantModel plant,
        PlantSimulationOptions options,
        double origin,
        List<Line> lines,
        Dictionary<CalendarId, EngineCalendar?> calendars,
        Dictionary<string, int> variantIndex,
        Dictionary<string, int> colourIndex,
        ImmutableArray<double> variantMix,
        ImmutableArray<double> colourMix,
        List<string> notes)
    {
        // Element ids are positions in builder order, so they are known before the elements are added:
        // number every element first, then add each with its final options (rework targets included).
        var ids = new Dictionary<AssetId, ElementId>();
        var order = new List<FlowElement>();
        foreach (var line in lines)
        {
            foreach (var e in line.Elements())
            {
                ids[e.Id] = new ElementId(order.Count);
                order.Add(e);
            }
        }

        // A rework loop with blocking after service deadlocks once every machine in the loop holds a part
        // for the next one (circular wait: inspection full of rework for spot repair, spot repair full of
        // parts for inspection). Real plants park rejected parts on a rework lane, so each rework target
        // gets an unbounded queue in front of it, named "<target>/rework" (asset ids cannot contain '/').
        var reworkQueues = new Dictionary<AssetId, ElementId>();
        foreach (var e in order)
        {
            var to = e switch
            {
                Station { Rework: { } r } => r.To,
                Station { Oven.CureRework: { } c } => c,
                _ => (AssetId?)null,
            };
            if (to is { } target && !reworkQueues.ContainsKey(target))
            {
                reworkQueues[target] = new ElementId(order.Count + reworkQueues.Count);
                notes.Add($"Rework to '{target}' goes through the unbounded queue '{ReworkQueueName(target)}', so that the loop cannot deadlock.");
            }
        }

        // Ovens that route by cure judge each body with the twin's predictor.
        var routers = new Dictionary<AssetId, OvenCureRouter>();
        foreach (var e in order)
        {
            if (e is Station { Oven.CureRework: not null } oven)
            {
                routers[oven.Id] = new OvenCureRouter(plant, oven);
                notes.Add($"'{oven.Id}': a body whose predicted cure (zones at their setpoints, its own conveyor stops) misses the window goes to '{oven.Oven!.CureRework}'; off-shift pauses are not counted as stops.");
            }
        }

        var builder = new LineBuilder();
        foreach (var e in order)
        {
            var line = plant.LineOf(e.Id)!;
            ElementId added = e switch
            {
                Source s => builder.AddSource(s.Id.Value, new SourceOptions
                {
                    InterArrivalTime = EngineDistributions.From(s.InterArrival),
                    AttributeMixes = [variantMix, colourMix], // PlantPartAttributes.Variant, PlantPartAttributes.Colour
                }),
                Station st => builder.AddStation(st.Id.Value, StationOptionsOf(st, calendars.GetValueOrDefault(line.Calendar), reworkQueues, variantIndex, colourIndex, notes) with
                {
                    Inspector = routers.GetValueOrDefault(st.Id),
                }),
                Model.Plants.Buffer b => builder.AddBuffer(b.Id.Value, b.Capacity),
                Conveyor c => builder.AddConveyor(c.Id.Value, c.Capacity, c.TransitTime),
                Sink k => builder.AddSink(k.Id.Value),
                _ => throw new NotSupportedException($"Unknown flow element '{e.Id}'."),
            };
            System.Diagnostics.Debug.Assert(added == ids[e.Id], "builder order matches the numbering");
        }

        foreach (var (target, queue) in reworkQueues)
        {
            var added = builder.AddBuffer(ReworkQueueName(target), LineBuilder.Unbounded);
            System.Diagnostics.Debug.Assert(added == queue, "rework queues follow the elements");
            builder.Connect(queue, ids[target]);
        }

        foreach (var e in order)
        {
            Connect(builder, e, ids, variantIndex, variantMix.Length);
        }

        var model = builder.Build();
        var maps = ImmutableArray.CreateBuilder<PlantLineMap>(lines.Count);
        foreach (var line in lines)
        {
            maps.Add(new PlantLineMap(
                line.Id,
                line.Name,
                calendars.GetValueOrDefault(line.Calendar),
                [.. line.Elements().Select(e => e.Id)],
                [.. line.Stations.Select(s => s.Id)],
                ExitStations(plant, line),
                line.ShiftTarget));
        }

        return new PlantSimulation(plant, options, model, origin, ids, maps.MoveToImmutable(), [.. notes.Distinct(StringComparer.Ordinal)])
        {
            CureRouters = routers,
        };
    }

    private static StationOptions StationOptionsOf(
        Station station,
        EngineCalendar? calendar,
        Dictionary<AssetId, ElementId> reworkQueues,
        Dictionary<string, int> variantIndex,
        Dictionary<string, int> colourIndex,
        List<string> notes)
    {
        EngineDistribution processing;
        if (station.Oven is { } oven)
        {
            // An oven is a pitched conveyor through the zones: Capacity bodies inside, each for the transit time.
            processing = EngineDistribution.Constant(oven.TransitTime);
        }
        else
        {
            processing = station.ProcessingTime is { } p ? EngineDistributions.From(p) : EngineDistribution.Constant(0);
        }

        if (station.IdealCycleTime is not null)
        {
            notes.Add($"'{station.Id}': OEE performance uses the mean processing time, not the ideal cycle time.");
        }

        // An oven is one conveyor: a failure stops every body inside at once, at the file's rate. Other stations'
        // servers are independent machines, each failing on its own.
        var failures = FailuresOf(station, notes);
        if (failures is not null && station.FailureScope == PlantFailureScope.Station)
        {
            // One failure process for the station (an oven's conveyor, a pretreatment tunnel, a dip tank): every
            // server stops at once, at the file's rate, instead of each server failing on its own.
            failures = failures with { Scope = FailureScope.Station };
        }

        return new StationOptions
        {
            Servers = station.Capacity,
            ProcessingTime = processing,
            Failures = failures,
            Setup = SetupOf(station, variantIndex, colourIndex, notes),
            ScrapProbability = station.Scrap,
            ReworkProbability = station.Rework?.Probability ?? 0,
            ReworkTarget = station.Rework is { } r ? reworkQueues[r.To] : station.Oven?.CureRework is { } c ? reworkQueues[c] : null,
            Calendar = calendar,
        };
    }

    /// <summary>The engine name of the rework queue in front of <paramref name="target"/>.</summary>
    /// <param name="target">The rework target's asset id.</param>
    /// <returns>The queue's element name, <c>&lt;target&gt;/rework</c>.</returns>
    public static string ReworkQueueName(AssetId target) => target.Value + "/rework";

    private static FailureModel? FailuresOf(Station station, List<string> notes)
    {
        var modes = station.Failures.Items;
        if (modes.IsEmpty)
        {
            return null;
        }

        if (modes.Length == 1)
        {
            var f = modes[0];
            return new FailureModel(EngineDistributions.From(f.TimeBetweenFailures), EngineDistributions.From(f.TimeToRepair), ClockOf(f.Basis));
        }

        // The engine has one failure process per machine (or per station). Competing exponential failure modes are exactly one
        // exponential with the summed rate; the repair time is their rate-weighted mixture, approximated by a
        // lognormal with the mixture's mean and variance (two-moment match).
        notes.Add($"'{station.Id}': {modes.Length} failure modes are combined into one (summed failure rate, two-moment lognormal repair time).");
        double rate = 0, mean = 0, second = 0;
        foreach (var f in modes)
        {
            rate += 1 / f.TimeBetweenFailures.Mean;
        }

        foreach (var f in modes)
        {
            double w = 1 / f.TimeBetweenFailures.Mean / rate;
            mean += w * f.TimeToRepair.Mean;
            second += w * (f.TimeToRepair.Variance + (f.TimeToRepair.Mean * f.TimeToRepair.Mean));
        }

        double cv = mean > 0 ? Math.Sqrt(Math.Max(second - (mean * mean), 0)) / mean : 0;
        var basis = modes.All(f => f.Basis == FailureBasis.Calendar) ? FailureBasis.Calendar : FailureBasis.Operating;
        if (modes.Any(f => f.Basis != basis))
        {
            notes.Add($"'{station.Id}': failure modes on different bases are combined on operating time.");
        }

        if (modes.Any(f => station.ScopeOf(f) != station.FailureScope))
        {
            // The loader refuses this; a plant built in code may still have it.
            notes.Add($"'{station.Id}': failure modes with different scopes are combined with the first one's scope.");
        }

        return new FailureModel(EngineDistribution.Exponential(1 / rate), EngineDistribution.LogNormal(mean, cv), ClockOf(basis));
    }

    private static FailureClock ClockOf(FailureBasis basis) => basis == FailureBasis.Calendar ? FailureClock.Calendar : FailureClock.Operating;

    private static SetupOptions? SetupOf(Station station, Dictionary<string, int> variantIndex, Dictionary<string, int> colourIndex, List<string> notes)
    {
        if (station.Setup is not { } rule)
        {
            return null;
        }

        var keys = rule.By == SetupBasis.Colour ? colourIndex : variantIndex;
        if (rule.Time.Variance > 0 || rule.Changes.Any(c => c.Time.Variance > 0))
        {
            notes.Add($"'{station.Id}': setup times are constant in the engine; their means are used.");
        }

        ImmutableArray<double> matrix = [];
        if (rule.Changes.Count > 0 && keys.Count > 0)
        {
            var m = new double[keys.Count * keys.Count];
            Array.Fill(m, double.NaN);
            foreach (var change in rule.Changes)
            {
                if (keys.TryGetValue(change.From, out int from) && keys.TryGetValue(change.To, out int to))
                {
                    m[(from * keys.Count) + to] = change.Time.Mean;
                }
            }

            matrix = [.. m];
        }

        return new SetupOptions
        {
            Attribute = rule.By == SetupBasis.Colour ? PlantPartAttributes.Colour : PlantPartAttributes.Variant,
            DefaultTime = rule.Time.Mean,
            KeyCount = matrix.IsEmpty ? 0 : keys.Count,
            Matrix = matrix,
        };
    }

    private static void Connect(LineBuilder builder, FlowElement e, Dictionary<AssetId, ElementId> ids, Dictionary<string, int> variantIndex, int variantCount)
    {
        var from = ids[e.Id];
        var routes = e.Next.Items;
        switch (e.Split)
        {
            case SplitRule.ByVariant:
                var targets = new ElementId[variantCount];
                for (int v = 0; v < variantCount; v++)
                {
                    // The route that names the variant; else a route for all variants; else the first.
                    var route = routes.FirstOrDefault(r => r.Variants.Any(x => variantIndex.GetValueOrDefault(x.Value, -1) == v))
                        ?? routes.FirstOrDefault(r => r.Variants.Count == 0)
                        ?? routes[0];
                    targets[v] = ids[route.To];
                }

                builder.SplitByVariant(from, targets);
                break;
            case SplitRule.ByFraction:
                builder.SplitByFraction(from, [.. routes.Select(r => (ids[r.To], r.Fraction ?? 0))]);
                break;
            default:
                foreach (var route in routes)
                {
                    builder.Connect(from, ids[route.To]);
                }

                break;
        }
    }

    /// <summary>Stations of <paramref name="line"/> from which a good part reaches another line or a sink without passing another station of the line.</summary>
    private static ImmutableArray<AssetId> ExitStations(PlantModel plant, Line line)
    {
        var result = ImmutableArray.CreateBuilder<AssetId>();
        foreach (var station in line.Stations)
        {
            var seen = new HashSet<AssetId>();
            var stack = new Stack<AssetId>(station.Next.Select(r => r.To));
            bool exits = false;
            while (stack.Count > 0 && !exits)
            {
                var id = stack.Pop();
                if (!seen.Add(id))
                {
                    continue;
                }

                var element = plant.FindElement(id);
                if (element is null || !ReferenceEquals(plant.LineOf(id), line) || element is Sink)
                {
                    exits = true;
                }
                else if (element is Model.Plants.Buffer or Conveyor)
                {
                    foreach (var r in element.Next)
                    {
                        stack.Push(r.To);
                    }
                }
            }

            if (exits)
            {
                result.Add(station.Id);
            }
        }

        return result.ToImmutable();
    }

    private static double StartOf(PlantModel plant, PlantSimulationOptions options)
    {
        if (options.StartDay is { } day)
        {
            return WeekCalendar.WeekTime(day, options.StartTime ?? TimeOnly.MinValue);
        }

        var used = new HashSet<CalendarId>(plant.Lines().Select(l => l.Calendar));
        double first = WeekCalendar.FirstShiftStart(plant.Calendars.Where(c => used.Contains(c.Id)));
        if (options.StartTime is { } time)
        {
            // Keep the day of the first shift, at the given time.
            return (Math.Floor(first / 86_400) * 86_400) + time.ToTimeSpan().TotalSeconds;
        }

        return first;
    }
}
