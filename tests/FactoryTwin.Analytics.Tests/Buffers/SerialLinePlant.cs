using System.Globalization;
using System.Text;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Analytics.Tests.Buffers;

/// <summary>
/// A plant file of one serial line around the clock: a saturated source (0 s between releases: a released part waits
/// until the first station takes it, and the next is released at once), exponential stations with mean 60 s / rate,
/// and the given buffers between them.
/// </summary>
internal static class SerialLinePlant
{
    public static PlantModel Create(double[] rates, int[] buffers)
    {
        var yaml = new StringBuilder($$"""
            {{TestPlants.LabPlantHeader}}
            areas:
              - id: shop
                name: Shop
                lines:
                  - id: line
                    name: Serial line
                    calendar: always
                    sources:
                      - { id: release, name: Release, interArrival: 0 s, next: s1 }
                    stations:

            """);
        for (int i = 0; i < rates.Length; i++)
        {
            string next = i == rates.Length - 1 ? "out" : $"b{i + 1}";
            yaml.Append(CultureInfo.InvariantCulture, $"          - {{ id: s{i + 1}, name: Station {i + 1}, kind: manual, processingTime: {{ dist: exponential, mean: {60 / rates[i]:R} s }}, next: {next} }}\n");
        }

        yaml.Append("        buffers:\n");
        for (int i = 0; i < buffers.Length; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"          - {{ id: b{i + 1}, name: Buffer {i + 1}, capacity: {Math.Max(1, buffers[i])}, next: s{i + 2} }}\n");
        }

        yaml.Append("        sinks:\n          - { id: out, name: Out }\n");
        return TestPlants.Parse(yaml.ToString());
    }
}
