using FactoryTwin.Model.Loading;

namespace FactoryTwin.Model.Tests.Loading;

/// <summary>
/// Corrupts every single value (and every field name) of the samples, one at a time, and checks that the loader
/// refuses the file with an error on the corrupted line: no value in a plant file goes unchecked.
/// </summary>
public class SampleCorruptionTests
{
    public static TheoryData<string> Samples => new() { "automotive.yaml", "two-stations.yaml" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Parse_AnyValueCorrupted_ReportsErrorOnThatLine(string sample)
    {
        var text = TestPlants.Sample(sample);
        var failures = new List<string>();
        var corruptions = 0;
        foreach (var (scalar, isKey, key) in SampleScalars.Of(text))
        {
            var replacement = SampleScalars.Corruption(isKey, key);
            var corrupted = SampleScalars.Corrupt(text, scalar, replacement);
            var line = (int)scalar.Start.Line;
            corruptions++;

            var result = PlantLoader.Parse(corrupted, sample);

            if (result.Success || !result.Diagnostics.Any(d => d.Location.Line == line))
            {
                failures.Add($"line {line} '{scalar.Value}' → {replacement}: {string.Join(" | ", result.Diagnostics.Take(3))}");
            }
        }

        Assert.True(corruptions > 100 || sample != "automotive.yaml", "the sample should have many values");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
