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

    /// <summary>
    /// A plant whose station distributions a fit from its simulated history must recover: station-a (robot cell,
    /// processing lognormal mean 45 s cv 0.3, failures exponential mean 1 h on operating time, repairs lognormal mean
    /// 5 min cv 0.6) and station-b (manual, processing exponential mean 40 s, failures exponential mean 3 h on calendar
    /// time, repairs exponential mean 4 min) of line line1, variants sedan and suv, on day and late shifts on weekdays
    /// (so work and repairs pause over nights and weekends), gateway gw1.
    /// </summary>
    public const string FitPlant = $$"""
        apiVersion: factorytwin/v1
        site: { id: fit, name: Fit plant, timeZone: UTC }
        calendars:
          - id: two-shifts
            name: Two shifts
            shifts:
              - { id: day, start: "06:00", end: "14:00", days: [mon-fri] }
              - { id: late, start: "14:00", end: "22:00", days: [mon-fri] }
        variants:
          - { id: sedan, name: Sedan, bodyStyle: plate, mix: 0.6 }
          - { id: suv, name: SUV, bodyStyle: plate, mix: 0.4 }
        colours:
          - { id: raw, name: Unpainted, mix: 1 }
        {{TestPlants.SteelPlateSections}}
        areas:
          - id: shop
            name: Shop
            lines:
              - id: line1
                name: Line 1
                calendar: two-shifts
                sources:
                  - { id: arrivals, name: Arrivals, interArrival: { dist: exponential, mean: 60 s }, next: station-a }
                stations:
                  - id: station-a
                    name: Station A
                    kind: robot-cell
                    processingTime: { dist: lognormal, mean: 45 s, cv: 0.3 }
                    failures:
                      - { name: gun fault, timeBetween: { dist: exponential, mean: 1 h }, timeToRepair: { dist: lognormal, mean: 5 min, cv: 0.6 }, basis: operating }
                    next: buffer-ab
                  - id: station-b
                    name: Station B
                    kind: manual
                    processingTime: { dist: exponential, mean: 40 s }
                    failures:
                      - { name: conveyor jam, timeBetween: { dist: exponential, mean: 3 h }, timeToRepair: { dist: exponential, mean: 4 min }, basis: calendar }
                    next: done
                buffers:
                  - { id: buffer-ab, name: Buffer, capacity: 4, next: station-b }
                sinks:
                  - { id: done, name: Done }
        gateways:
          - { id: gw1, name: Gateway, lines: [line1] }
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
