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

    [Theory]
    [InlineData("scope: station")]
    [InlineData("scope: server")]
    [InlineData("basis: operating")]
    public void Write_FailureScope_RoundTripsAndIsWrittenOnlyWhenGiven(string field)
    {
        const string processing = "processingTime: { dist: lognormal, mean: 50 s, cv: 0.2 }\n";
        var model = PlantLoader.Parse(TestPlants.MinimalWith(processing, processing + "            servers: 3\n            failures: [{ timeBetween: 8 h, timeToRepair: 5 min, " + field + " }]\n")).Model!;

        var text = PlantWriter.Write(model);
        var again = PlantLoader.Parse(text, "written.yaml");

        Assert.True(again.Success, string.Join(Environment.NewLine, again.Diagnostics));
        Assert.Equal(model, again.Model);
        Assert.Equal(field.StartsWith("scope", StringComparison.Ordinal), text.Contains("scope:", StringComparison.Ordinal));
    }
}
