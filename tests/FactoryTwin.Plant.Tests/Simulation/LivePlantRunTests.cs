using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Plant.Tests.Simulation;

public sealed class LivePlantRunTests
{
    [Fact]
    public void New_Automotive_ReportsEveryStationsInitialState()
    {
        var sink = new ListSink();
        _ = new LivePlantRun(PlantSimulationBuilder.Build(TestPlants.Automotive), 1, sink);

        var stations = TestPlants.Automotive.Elements().OfType<Station>().Select(s => s.Id).ToHashSet();
        var states = sink.Events.Where(e => e.Kind == PlantTraceKind.State).ToList();
        Assert.Equal(stations.Count, states.Count);
        Assert.All(states, e => Assert.Contains(e.Asset, stations));
        Assert.All(states, e => Assert.Equal(0, e.Time));
    }

    [Fact]
    public void AdvanceTo_SameSeed_SameEvents()
    {
        var simulation = PlantSimulationBuilder.Build(TestPlants.Automotive);
        var a = new ListSink();
        var b = new ListSink();
        new LivePlantRun(simulation, 7, a).AdvanceTo(4 * 3600);
        var run = new LivePlantRun(simulation, 7, b);
        for (int t = 600; t <= 4 * 3600; t += 600)
        {
            run.AdvanceTo(t); // stepping does not change what happens
        }

        Assert.Equal(a.Events, b.Events);
        Assert.True(a.Events.Count > 1000);
    }

    [Fact]
    public void AdvanceTo_Automotive_BodiesFlowConsistently()
    {
        var plant = TestPlants.Automotive;
        var sink = new ListSink();
        var run = new LivePlantRun(PlantSimulationBuilder.Build(plant), 3, sink);
        run.AdvanceTo(8 * 3600);

        var parts = sink.Events.Where(e => e.Kind is PlantTraceKind.PartEnter or PlantTraceKind.PartExit).ToList();
        var created = parts.Where(e => e.Asset == new AssetId("body-release") && e.Kind == PlantTraceKind.PartEnter).Select(e => e.Body).ToList();
        Assert.Equal(run.BodiesCreated, created.Count);
        Assert.Equal(created.Count, created.Distinct().Count());
        var variants = plant.Variants.Items.Select(v => v.Id).ToHashSet();
        var colours = plant.Colours.Items.Select(c => c.Id).ToHashSet();
        Assert.All(parts, e => Assert.Contains(e.Variant, variants));
        Assert.All(parts, e => Assert.Contains(e.Colour, colours));

        // A body keeps its variant and colour, and never leaves an asset it did not enter.
        foreach (var body in parts.GroupBy(e => e.Body))
        {
            Assert.Single(body.Select(e => (e.Variant, e.Colour)).Distinct());
            var inside = new HashSet<AssetId>();
            foreach (var e in body)
            {
                if (e.Kind == PlantTraceKind.PartEnter)
                {
                    Assert.True(inside.Add(e.Asset), $"{body.Key} entered {e.Asset} twice");
                }
                else
                {
                    Assert.True(inside.Remove(e.Asset), $"{body.Key} left {e.Asset} without entering it");
                }
            }
        }

        // Store levels follow the part events; counters only grow.
        foreach (var store in plant.Elements().Where(e => e is Model.Plants.Buffer or Conveyor))
        {
            int level = 0;
            foreach (var e in sink.Events.Where(e => e.Asset == store.Id))
            {
                level += e.Kind == PlantTraceKind.PartEnter ? 1 : e.Kind == PlantTraceKind.PartExit ? -1 : 0;
                if (e.Kind == PlantTraceKind.Level)
                {
                    Assert.Equal(level, e.Level);
                }
            }
        }

        var shipped = parts.Count(e => e.Asset == new AssetId("shipped"));
        var eolGood = sink.Events.Last(e => e.Kind == PlantTraceKind.Count && e.Asset == new AssetId("eol-test")).Good;
        Assert.True(shipped > 0 && shipped <= eolGood);
        Assert.True(sink.Events.Select(e => e.Time).SequenceEqual(sink.Events.Select(e => e.Time).Order()));
    }

    [Fact]
    public void AdvanceTo_StationStates_ChangeOnlyWhenDifferent()
    {
        var sink = new ListSink();
        new LivePlantRun(PlantSimulationBuilder.Build(TestPlants.Automotive), 1, sink).AdvanceTo(12 * 3600);

        foreach (var station in sink.Events.Where(e => e.Kind == PlantTraceKind.State).GroupBy(e => e.Asset))
        {
            var list = station.ToList();
            for (int i = 1; i < list.Count; i++)
            {
                Assert.NotEqual(list[i - 1].State, list[i].State);
            }
        }

        // The early shift's breaks and the night put stations off shift.
        Assert.Contains(sink.Events, e => e.Kind == PlantTraceKind.State && e.State == StationState.OffShift);
    }

    [Fact]
    public void StopStore_RespotConveyor_NoBodyLeavesItDuringTheStop()
    {
        var sink = new ListSink();
        var run = new LivePlantRun(PlantSimulationBuilder.Build(TestPlants.Automotive), 1, sink);
        var conveyor = new AssetId("respot-conveyor");
        run.AdvanceTo(2 * 3600);
        run.StopStore(conveyor, 600);
        run.AdvanceTo(3 * 3600);

        var exits = sink.Events.Where(e => e.Asset == conveyor && e.Kind == PlantTraceKind.PartExit).Select(e => e.Time).ToList();
        Assert.DoesNotContain(exits, t => t >= 2 * 3600 && t < (2 * 3600) + 600);
        Assert.Contains(exits, t => t >= (2 * 3600) + 600);
    }

    [Fact]
    public void StopStore_Station_IsRefusedAndUnknownAssetNamed()
    {
        var run = new LivePlantRun(PlantSimulationBuilder.Build(TestPlants.Automotive), 1, new ListSink());

        Assert.Throws<ArgumentOutOfRangeException>(() => run.StopStore(new AssetId("respot"), 60));
        var ex = Assert.Throws<KeyNotFoundException>(() => run.StopStore(new AssetId("nowhere"), 60));
        Assert.Contains("nowhere", ex.Message, StringComparison.Ordinal);
    }

    private sealed class ListSink : IPlantTraceSink
    {
        public List<PlantTraceEvent> Events { get; } = [];

        public void OnEvent(in PlantTraceEvent traceEvent) => Events.Add(traceEvent);
    }
}
