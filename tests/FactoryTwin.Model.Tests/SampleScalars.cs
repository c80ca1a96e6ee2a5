using YamlDotNet.RepresentationModel;

namespace FactoryTwin.Model.Tests;

/// <summary>Every scalar of a YAML text (values and field names) and the corruption that makes it invalid, for the corruption tests.</summary>
internal static class SampleScalars
{
    public static List<(YamlScalarNode Scalar, bool IsKey, string Key)> Of(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var found = new List<(YamlScalarNode, bool, string)>();
        Walk(stream.Documents[0].RootNode, string.Empty, found);
        return found;
    }

    /// <summary>A field name becomes unknown; free text becomes empty; anything else becomes a value no field accepts.</summary>
    public static string Corruption(bool isKey, string key) => isKey ? "bogusField" : key is "name" or "reason" ? "\"\"" : "bogus~value";

    /// <summary>Replaces one scalar of the text with its corruption.</summary>
    public static string Corrupt(string text, YamlScalarNode scalar, string replacement) =>
        string.Concat(text.AsSpan(0, (int)scalar.Start.Index), replacement, text.AsSpan((int)scalar.End.Index));

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
