using CsCheck;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Writing;

namespace FactoryTwin.Model.Tests.Writing;

public class PlantWriterTests
{
    [Theory]
    [InlineData("automotive.yaml")]
    [InlineData("two-stations.yaml")]
    public void Write_Sample_ParsesToEqualModel(string name)
    {
        var model = PlantLoader.LoadFile(TestPlants.SamplePath(name)).Model!;

        var text = PlantWriter.Write(model);
        var again = PlantLoader.Parse(text, "written.yaml");

        Assert.True(again.Success, string.Join(Environment.NewLine, again.Diagnostics));
        Assert.Equal(model, again.Model);
    }

    [Fact]
    public void Write_RandomPlant_ParsesToEqualModel()
    {
        PlantGenerator.Plant.Sample(
            model =>
            {
                var text = PlantWriter.Write(model);
                var again = PlantLoader.Parse(text, "written.yaml");
                Assert.True(again.Success, string.Join(Environment.NewLine, again.Diagnostics) + Environment.NewLine + text);
                Assert.Equal(model, again.Model);
            },
            iter: 300,
            seed: null);
    }
}
