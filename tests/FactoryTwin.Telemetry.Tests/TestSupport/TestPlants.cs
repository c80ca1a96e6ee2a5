using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Telemetry.Tests.TestSupport;

/// <summary>The sample plants. Automotive: site lakeside, lines body/paint/assembly, gateways gw-body/gw-paint/gw-assembly, oven air sensors in degC.</summary>
internal static class TestPlants
{
    private static readonly Lazy<PlantModel> LazyAutomotive = new(() => Load("automotive.yaml"));

    public static PlantModel Automotive => LazyAutomotive.Value;

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "samples", "plants", file);

    private static PlantModel Load(string file) =>
        PlantLoader.LoadFile(PathOf(file)).Model ?? throw new InvalidOperationException(file + " does not load");
}
