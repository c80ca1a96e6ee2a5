using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Yaml;

namespace FactoryTwin.Plant.ThermalCases;

/// <summary>Loads and validates thermal case files (<c>apiVersion: factorytwin/v1</c>, <c>kind: ThermalCase</c>; docs/thermal-case.md).</summary>
public static class ThermalCaseLoader
{
    /// <summary>The <c>kind</c> a thermal case file declares.</summary>
    public const string Kind = "ThermalCase";

    /// <summary>Loads a thermal case file from disk.</summary>
    /// <param name="path">The file path; diagnostics name it as given.</param>
    /// <returns>The case when valid, and every diagnostic.</returns>
    public static ThermalCaseLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        var text = YamlSource.ReadFile(path, "thermal case file", bag);
        if (text is null)
        {
            return new ThermalCaseLoadResult(null, bag.Items);
        }

        return Parse(text, path);
    }

    /// <summary>Parses and validates thermal case YAML text.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">The file name used in diagnostics (and, without its extension, the default case name).</param>
    /// <returns>The case when valid, and every diagnostic.</returns>
    public static ThermalCaseLoadResult Parse(string text, string file = "case.yaml")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var bag = new DiagnosticBag();
        var root = YamlSource.ParseMapping(text, file, bag);
        if (root is null)
        {
            return new ThermalCaseLoadResult(null, bag.Sorted());
        }

        var reader = new ThermalCaseReader(new MappingReader(root, file, bag, "the thermal case"));
        var result = reader.Read();
        return new ThermalCaseLoadResult(bag.HasErrors ? null : result, bag.Sorted());
    }
}
