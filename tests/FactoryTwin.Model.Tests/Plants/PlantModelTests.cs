using FactoryTwin.Model.Collections;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Model.Tests.Plants;

public sealed class PlantModelTests
{
    private static PlantModel Automotive()
    {
        var result = PlantLoader.LoadFile(TestPlants.SamplePath("automotive.yaml"));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.Model!;
    }

    [Fact]
    public void LineOf_EveryElement_IsTheLineThatHoldsIt()
    {
        var plant = Automotive();

        foreach (var line in plant.Lines())
        {
            foreach (var e in line.Elements())
            {
                Assert.Same(line, plant.LineOf(e.Id));
                Assert.Same(e, plant.FindElement(e.Id));
            }

            Assert.Same(line, plant.FindLine(line.Id));
        }
    }

    [Fact]
    public void Lookups_UnknownIds_ReturnNull()
    {
        var plant = Automotive();

        Assert.Null(plant.LineOf(new AssetId("no-such-asset")));
        Assert.Null(plant.FindElement(new AssetId("no-such-asset")));
        Assert.Null(plant.FindLine(new LineId("no-such-line")));
    }

    [Fact]
    public void LineOf_CopyWithOtherAreas_LooksUpTheCopysAreas()
    {
        var plant = Automotive();
        var first = plant.Areas[0];
        Assert.NotNull(plant.LineOf(first.Lines[0].Stations[0].Id)); // the original has built its index

        var copy = plant with { Areas = ValueList.Of(plant.Areas.Items.Skip(1).ToArray()) };

        Assert.Null(copy.LineOf(first.Lines[0].Stations[0].Id));
        Assert.NotNull(plant.LineOf(first.Lines[0].Stations[0].Id));
    }

    [Fact]
    public void Equals_ModelThatHasLookedUp_EqualsOneThatHasNot()
    {
        var a = Automotive();
        var b = Automotive();

        _ = a.LineOf(a.Areas[0].Lines[0].Stations[0].Id);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
