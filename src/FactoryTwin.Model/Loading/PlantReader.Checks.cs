using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Model.Loading;

/// <summary>Checks across the whole file: setup values, variant routing, zone sensors, reachability and cycles.</summary>
internal sealed partial class PlantReader
{
    private void CheckVariantSplits(ValueList<ProductVariant> variants)
    {
        foreach (var (element, location, routes) in _variantSplits)
        {
            foreach (var variant in variants)
            {
                var covered = false;
                foreach (var route in routes)
                {
                    foreach (var v in route.Variants)
                    {
                        covered |= v == variant.Id;
                    }
                }

                if (!covered)
                {
                    Bag.Error(location, DiagnosticCode.InvalidValue, $"'{element}' splits by variant, but no route takes variant '{variant.Id}': its parts would have nowhere to go.");
                }
            }
        }
    }

    private void CheckZoneSensors()
    {
        foreach (var (sensor, oven, context) in _zoneSensors)
        {
            if (_sensorQuantities.TryGetValue(sensor.Value, out var q) && q != SensorQuantity.Temperature)
            {
                Bag.Error(sensor.Location, DiagnosticCode.InvalidOven, $"{context}: sensor '{sensor.Value}' measures {q.ToString().ToLowerInvariant()}, but a zone's sensor must measure temperature.");
            }
            else if (_sensorAssets.TryGetValue(sensor.Value, out var asset) && asset != oven && oven.Length > 0)
            {
                Bag.Error(sensor.Location, DiagnosticCode.InvalidOven, $"{context}: sensor '{sensor.Value}' is mounted on '{asset}', not on oven '{oven}'.");
            }
        }

        foreach (var (asset, context) in _stateAlarmAssets)
        {
            if (IsDeclared("asset", asset.Value) && !_stationIds.Contains(asset.Value))
            {
                Bag.Error(asset.Location, DiagnosticCode.InvalidValue, $"{context}: '{asset.Value}' is not a station; state-duration alarms watch stations.");
            }
        }
    }

    private void CheckRouting()
    {
        if (!_declared.TryGetValue("asset", out var assets))
        {
            return;
        }

        var all = new Dictionary<string, List<(string To, bool Rework, Yaml.Located<string> At)>>(StringComparer.Ordinal);
        foreach (var id in assets.Keys)
        {
            all[id] = [];
        }

        foreach (var edge in _edges)
        {
            if (all.TryGetValue(edge.From, out var list) && assets.ContainsKey(edge.To.Value))
            {
                list.Add((edge.To.Value, edge.IsRework, edge.To));
            }
        }

        // Reachability from the sources, through all routes including rework.
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var source in _sourceIds)
        {
            if (reached.Add(source))
            {
                queue.Enqueue(source);
            }
        }

        while (queue.Count > 0)
        {
            foreach (var (to, _, _) in all[queue.Dequeue()])
            {
                if (reached.Add(to))
                {
                    queue.Enqueue(to);
                }
            }
        }

        // A broken route already has its own error; reachability would only repeat it for everything downstream.
        if (_sourceIds.Count > 0 && !_unresolvedAssets)
        {
            foreach (var (id, location) in assets)
            {
                if (!reached.Contains(id))
                {
                    Bag.Error(location, DiagnosticCode.Unreachable, $"'{id}' cannot be reached from any source: no 'next' or 'rework' route leads to it. Route a predecessor to it or remove it.");
                }
            }
        }
        else if (_sourceIds.Count == 0 && assets.Count > 0)
        {
            Bag.Error(root.KeyLocation("areas"), DiagnosticCode.Unreachable, "the plant has no source: add a 'sources' entry to a line so that parts enter the plant.");
        }

        // Cycles over plain routes: every loop must go through a declared rework route.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var id in assets.Keys)
        {
            FindCycles(id, all, state, path);
        }
    }

    private void FindCycles(string node, Dictionary<string, List<(string To, bool Rework, Yaml.Located<string> At)>> graph, Dictionary<string, int> state, List<string> path)
    {
        if (state.TryGetValue(node, out var s) && s != 0)
        {
            return;
        }

        // Iterative DFS would be needed for very deep graphs; a plant has at most a few thousand elements.
        state[node] = 1;
        path.Add(node);
        foreach (var (to, rework, at) in graph[node])
        {
            if (rework)
            {
                continue;
            }

            var t = state.GetValueOrDefault(to);
            if (t == 1)
            {
                var start = path.IndexOf(to);
                var cycle = string.Join(" → ", path.GetRange(start, path.Count - start)) + " → " + to;
                Bag.Error(at.Location, DiagnosticCode.RoutingCycle, $"routing cycle {cycle} is not a declared rework loop: send parts back only through a station's 'rework' route, or break the cycle.");
            }
            else if (t == 0)
            {
                FindCycles(to, graph, state, path);
            }
        }

        path.RemoveAt(path.Count - 1);
        state[node] = 2;
    }
}
