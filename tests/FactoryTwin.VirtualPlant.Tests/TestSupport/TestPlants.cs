using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.VirtualPlant.Tests.TestSupport;

internal static class TestPlants
{
    private static readonly Lazy<PlantModel> s_automotive = new(() => Load("automotive.yaml"));

    public static PlantModel Automotive => s_automotive.Value;

    public static PlantModel Load(string name)
    {
        var result = PlantLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "samples", "plants", name));
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Model!;
    }
}
