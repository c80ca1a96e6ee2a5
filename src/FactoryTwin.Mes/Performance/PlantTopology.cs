using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Mes.Performance;

/// <summary>What the performance calculation needs to know of the plant's flow: lines, outputs, stations, exits.</summary>
internal sealed class PlantTopology
{
    public required IReadOnlyList<LineId> Lines { get; init; }

    public required Dictionary<AssetId, LineId> LineOf { get; init; }

    public required Dictionary<AssetId, int> Order { get; init; }

    /// <summary>The line outputs: asset → (line, counts on entry).</summary>
    public required Dictionary<AssetId, (LineId Line, bool OnEntry)> Outputs { get; init; }

    /// <summary>Where a body leaves the plant: asset → counts on entry (a sink) or on exit (an element without a route).</summary>
    public required Dictionary<AssetId, bool> PlantExits { get; init; }

    public required HashSet<AssetId> Stations { get; init; }

    /// <summary>Where a body's first event is when it is released: the sources and the elements they feed.</summary>
    public required HashSet<AssetId> ReleasePoints { get; init; }

    public static PlantTopology Of(PlantModel plant)
    {
        var lineOf = new Dictionary<AssetId, LineId>();
        var order = new Dictionary<AssetId, int>();
        var outputs = new Dictionary<AssetId, (LineId, bool)>();
        var exits = new Dictionary<AssetId, bool>();
        var stations = new HashSet<AssetId>();
        var releasePoints = new HashSet<AssetId>();
        var lines = new List<LineId>();
        foreach (var line in plant.Lines())
        {
            lines.Add(line.Id);
            foreach (var e in line.Elements())
            {
                lineOf[e.Id] = line.Id;
                order[e.Id] = order.Count;
                if (e is Station)
                {
                    stations.Add(e.Id);
                }

                if (e is Source)
                {
                    releasePoints.Add(e.Id);
                    releasePoints.UnionWith(e.Next.Items.Select(r => r.To));
                }

                if (e is Sink)
                {
                    exits[e.Id] = true;
                }
                else if (e is not Source && e.Next.Count == 0)
                {
                    exits[e.Id] = false;
                }
            }

            foreach (var (element, onEntry) in line.OutputElements())
            {
                outputs[element.Id] = (line.Id, onEntry);
            }
        }

        return new PlantTopology { Lines = lines, LineOf = lineOf, Order = order, Outputs = outputs, PlantExits = exits, Stations = stations, ReleasePoints = releasePoints };
    }
}
