using System.Collections.Immutable;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;

namespace FactoryTwin.Twin.Plants;

/// <summary>
/// Turns a <see cref="TwinSnapshot"/> into the simulation's <see cref="PlantSnapshot"/>: each body inside a station
/// occupies a server in the station's state (a station that holds a body is not starved), an idle station that is down
/// or in setup is one server in that state, buffers and conveyors list their bodies oldest first, a body on a conveyor
/// with the transit time it has left since it entered (never less than that of the body ahead). What the live plant
/// does not know (remaining work, time to failure) is left for the simulation to draw, conditioned on the time spent.
/// Bodies beyond an element's capacity (late or lost exit events) are left out, newest first.
/// </summary>
internal static class PlantSnapshotMapper
{
    public static PlantSnapshot Map(TwinSnapshot snapshot, PlantIndex index)
    {
        var model = index.Model;
        var variants = model.Variants.Select(v => v.Id.Value).ToHashSet(StringComparer.Ordinal);
        var colours = model.Colours.Select(c => c.Id.Value).ToHashSet(StringComparer.Ordinal);
        var stations = ImmutableArray.CreateBuilder<PlantSnapshotStation>();
        var stores = ImmutableArray.CreateBuilder<PlantSnapshotStore>();
        foreach (var a in snapshot.Assets)
        {
            var element = model.FindElement(new AssetId(a.Asset));
            switch (element)
            {
                case Station station:
                {
                    var timeInState = a.StateSince is { } since && since <= snapshot.Instant ? snapshot.Instant - since : (TimeSpan?)null;
                    var state = ToModel(a.State);
                    var servers = ImmutableArray.CreateBuilder<PlantSnapshotServer>();
                    foreach (var body in a.Bodies.Take(station.Capacity))
                    {
                        var busy = state is StationState.Starved or StationState.OffShift ? StationState.Working : state;
                        var inState = busy == state ? timeInState : null;
                        var part = Part(body, variants, colours);
                        servers.Add(new PlantSnapshotServer
                        {
                            State = busy,
                            TimeInState = inState,
                            Part = part,
                            ElapsedWork = ElapsedWork(busy, inState, body, snapshot.Instant),

                            // Past its setup, a server is set up for the body it holds.
                            LastVariant = busy == StationState.Setup ? null : part.Variant,
                            LastColour = busy == StationState.Setup ? null : part.Colour,
                        });
                    }

                    if (servers.Count == 0 && state is StationState.Down or StationState.Setup)
                    {
                        servers.Add(new PlantSnapshotServer { State = state, TimeInState = timeInState });
                    }

                    if (servers.Count > 0)
                    {
                        stations.Add(new PlantSnapshotStation { Station = station.Id, Servers = servers.ToImmutable() });
                    }

                    break;
                }

                case FactoryTwin.Model.Plants.Buffer or Conveyor when a.Bodies.Length > 0:
                {
                    var conveyor = element as Conveyor;
                    var capacity = conveyor?.Capacity ?? ((FactoryTwin.Model.Plants.Buffer)element).Capacity;
                    var parts = ImmutableArray.CreateBuilder<PlantSnapshotStoredPart>(Math.Min(capacity, a.Bodies.Length));
                    var ahead = TimeSpan.Zero;
                    foreach (var body in a.Bodies.Take(capacity))
                    {
                        TimeSpan? remaining = null;
                        if (conveyor is not null)
                        {
                            // Moved since it entered, and never past the body ahead of it (which leaves first).
                            var left = TimeSpan.FromSeconds(conveyor.TransitTime) - (snapshot.Instant - body.EnteredAt);
                            ahead = left > ahead ? left : ahead;
                            remaining = ahead;
                        }

                        parts.Add(new PlantSnapshotStoredPart { Part = Part(body, variants, colours), RemainingTransit = remaining });
                    }

                    stores.Add(new PlantSnapshotStore { Store = element.Id, Parts = parts.MoveToImmutable() });
                    break;
                }
            }
        }

        return new PlantSnapshot
        {
            Instant = snapshot.Instant,
            Stations = stations.ToImmutable(),
            Stores = stores.ToImmutable(),
            Lines = [.. snapshot.Lines.Select(l => new PlantSnapshotLine { Line = new LineId(l.Line), Good = l.Good, Scrap = l.Scrap, CountedSince = l.ShiftStart })],
        };
    }

    /// <summary>
    /// The processing time already spent on a body: the time since it entered the station while the station works (each
    /// body of an oven has its own), less the time down for a station that is down; unknown (processing taken as not
    /// started) in setup.
    /// </summary>
    private static TimeSpan? ElapsedWork(StationState state, TimeSpan? timeInState, TwinBody body, DateTimeOffset instant)
    {
        var inside = instant - body.EnteredAt;
        if (inside <= TimeSpan.Zero)
        {
            return null;
        }

        return state switch
        {
            StationState.Working => inside,
            StationState.Down when timeInState is { } down && inside > down => inside - down,
            _ => null,
        };
    }

    private static PlantSnapshotPart Part(TwinBody body, HashSet<string> variants, HashSet<string> colours) => new()
    {
        BodyId = body.PartId,
        Variant = variants.Contains(body.Variant) ? new VariantId(body.Variant) : null,
        Colour = colours.Contains(body.Colour) ? new ColourId(body.Colour) : null,
        EnteredAt = body.EnteredAt,
    };

    private static StationState ToModel(StationState? state) => state ?? StationState.Starved;
}
