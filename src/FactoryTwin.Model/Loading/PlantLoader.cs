using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Yaml;

namespace FactoryTwin.Model.Loading;

/// <summary>Loads and validates plant files (<c>apiVersion: factorytwin/v1</c>).</summary>
public static class PlantLoader
{
    /// <summary>Loads a plant file from disk.</summary>
    /// <param name="path">The file path; diagnostics name it as given.</param>
    /// <returns>The model when valid, and every diagnostic.</returns>
    public static PlantLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        var text = YamlSource.ReadFile(path, "plant file", bag);
        if (text is null)
        {
            return new PlantLoadResult(null, bag.Items);
        }

        return Parse(text, path);
    }

    /// <summary>Parses and validates plant YAML text.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">The file name used in diagnostics.</param>
    /// <returns>The model when valid, and every diagnostic.</returns>
    public static PlantLoadResult Parse(string text, string file = "plant.yaml")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var bag = new DiagnosticBag();
        var root = YamlSource.ParseMapping(text, file, bag);
        if (root is null)
        {
            return new PlantLoadResult(null, bag.Sorted());
        }

        var reader = new PlantReader(new MappingReader(root, file, bag, "the plant file"));
        var model = reader.Read();
        return new PlantLoadResult(bag.HasErrors ? null : model, bag.Sorted());
    }
}
