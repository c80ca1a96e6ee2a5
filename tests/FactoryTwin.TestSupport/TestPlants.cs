using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.TestSupport;

/// <summary>The sample plants in samples/plants, read from the repository (so no test project has to copy them).</summary>
/// <remarks>Automotive: site lakeside, lines body/paint/assembly, gateways gw-body/gw-paint/gw-assembly, oven air sensors in degC.</remarks>
public static class TestPlants
{
    private static readonly Lazy<PlantModel> s_automotive = new(() => Load("automotive.yaml"));
    private static readonly Lazy<PlantModel> s_twoStations = new(() => Load("two-stations.yaml"));

    /// <summary>Gets samples/plants/automotive.yaml (loaded once).</summary>
    /// <summary>
    /// The <c>bodyStyles</c> and <c>materials</c> sections of a test plant whose bodies are 1 mm steel plates, at the top
    /// level of a plant file (for plants whose tests are not about the oven).
    /// </summary>
    public const string SteelPlateSections = """
        bodyStyles:
          - id: plate
            name: Plate
            points:
              - { id: centre, thickness: 1 mm, material: steel }
        materials:
          - { id: steel, name: Steel, conductivity: 50 W/(m.K), density: 7850 kg/m3, specificHeat: 470 J/(kg.K), emissivity: 0.8 }
        """;

    /// <summary>
    /// Everything of a lab plant file before its <c>areas</c>: site <c>lab</c> (UTC), calendar <c>always</c> (around the
    /// clock, every day), one variant <c>part</c>, one colour <c>raw</c>, and the <see cref="SteelPlateSections"/>.
    /// </summary>
    public const string LabPlantHeader = $$"""
        apiVersion: factorytwin/v1
        site: { id: lab, name: Lab, timeZone: UTC }
        calendars:
          - id: always
            name: Around the clock
            shifts:
              - { id: day, start: "00:00", end: "00:00", days: [mon-sun] }
        variants:
          - { id: part, name: Part, bodyStyle: plate, mix: 1 }
        colours:
          - { id: raw, name: Raw, mix: 1 }
        {{SteelPlateSections}}
        """;

    public static PlantModel Automotive => s_automotive.Value;

    /// <summary>Gets samples/plants/two-stations.yaml (loaded once).</summary>
    public static PlantModel TwoStations => s_twoStations.Value;

    /// <summary>Gets the path of a sample plant file, such as <c>automotive.yaml</c>.</summary>
    public static string PathOf(string file) => Path.Combine(RepositoryPaths.Root(), "samples", "plants", file);

    /// <summary>Loads a sample plant file (not cached).</summary>
    /// <exception cref="InvalidOperationException">The file does not load; the message holds the diagnostics.</exception>
    public static PlantModel Load(string file)
    {
        var result = PlantLoader.LoadFile(PathOf(file));
        return result.Success && result.Model is not null
            ? result.Model
            : throw new InvalidOperationException(file + " does not load:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
    }

    /// <summary>Loads a plant from YAML text.</summary>
    /// <exception cref="InvalidOperationException">The text does not load; the message holds the diagnostics.</exception>
    public static PlantModel Parse(string yaml)
    {
        var result = PlantLoader.Parse(yaml);
        return result.Success && result.Model is not null
            ? result.Model
            : throw new InvalidOperationException("The plant does not load:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
    }
}
