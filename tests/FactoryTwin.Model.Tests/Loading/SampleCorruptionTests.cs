using FactoryTwin.Model.Loading;
using YamlDotNet.RepresentationModel;

namespace FactoryTwin.Model.Tests.Loading;

/// <summary>
/// Corrupts every single value (and every field name) of the samples, one at a time, and checks that the loader
/// refuses the file with an error on the corrupted line: no value in a plant file goes unchecked.
/// </summary>
public class SampleCorruptionTests
{
    private static readonly HashSet<string> FreeTextFields = new(StringComparer.Ordinal) { "name", "reason" };

    public static TheoryData<string> Samples => new() { "automotive.yaml", "two-stations.yaml" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Parse_AnyValueCorrupted_ReportsErrorOnThatLine(string sample)
    {
        var text = TestPlants.Sample(sample);
        var failures = new List<string>();
        var corruptions = 0;
        foreach (var (scalar, isKey, key) in Scalars(text))
        {
            var start = (int)scalar.Start.Index;
            var end = (int)scalar.End.Index;
            var replacement = isKey ? "bogusField" : FreeTextFields.Contains(key) ? "\"\"" : "bogus~value";
            var corrupted = string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(end));
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

    private static IEnumerable<(YamlScalarNode Scalar, bool IsKey, string Key)> Scalars(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var found = new List<(YamlScalarNode, bool, string)>();
        Walk(stream.Documents[0].RootNode, string.Empty, found);
        return found;
    }

    private static void Walk(YamlNode node, string key, List<(YamlScalarNode, bool, string)> found)
    {
        switch (node)
        {
            case YamlScalarNode s:
                found.Add((s, false, key));
                break;
            case YamlSequenceNode seq:
                foreach (var child in seq.Children)
                {
                    Walk(child, key, found);
                }

                break;
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    var name = ((YamlScalarNode)k).Value ?? string.Empty;
                    found.Add(((YamlScalarNode)k, true, name));
                    Walk(v, name, found);
                }

                break;
        }
    }
}
