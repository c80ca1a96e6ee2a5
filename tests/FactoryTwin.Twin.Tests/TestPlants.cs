using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Twin.Tests;

internal static class TestPlants
{
    private static readonly Lazy<PlantModel> s_automotive = new(() => Load("automotive.yaml"));
    private static readonly Lazy<PlantModel> s_twoStations = new(() => Load("two-stations.yaml"));

    public static PlantModel Automotive => s_automotive.Value;

    public static PlantModel TwoStations => s_twoStations.Value;

    private static PlantModel Load(string name)
    {
        var result = PlantLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "plants", name));
        return result.Model ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
    }
}
