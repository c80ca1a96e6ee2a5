using System.Xml.Linq;

namespace FactoryTwin.Architecture.Tests;

/// <summary>Reads the project and package references of every .csproj under a folder, and the module namespaces its sources name.</summary>
internal static class ProjectGraph
{
    private static readonly string[] SourcePatterns = ["*.cs", "*.razor"];

    public static IReadOnlyList<ProjectInfo> Read(string folder)
    {
        var paths = Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(Path.GetRelativePath(folder, p)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var modules = paths.Select(Path.GetFileNameWithoutExtension).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var result = new List<ProjectInfo>();
        foreach (var path in paths)
        {
            var doc = XDocument.Load(path);
            var projects = doc.Descendants()
                .Where(e => e.Name.LocalName == "ProjectReference")
                .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? string.Empty).Replace('\\', '/')))
                .ToList();
            var packages = doc.Descendants()
                .Where(e => e.Name.LocalName == "PackageReference")
                .Select(e => (string?)e.Attribute("Include") ?? string.Empty)
                .ToList();
            var sources = SourceFiles(Path.GetDirectoryName(path)!);
            var texts = sources.Select(file => (File: file, Text: File.ReadAllText(file))).ToList();
            var uses = texts.SelectMany(s => SourceScanner.Uses(s.File, s.Text, modules)).ToList();
            var identifiers = texts.SelectMany(s => SourceScanner.Identifiers(s.File, s.Text)).DistinctBy(i => i.Name, StringComparer.Ordinal).ToList();
            result.Add(new ProjectInfo(Path.GetFileNameWithoutExtension(path), path, projects, packages, sources.Count > 0, uses, identifiers));
        }

        return result;
    }

    private static List<string> SourceFiles(string projectFolder) =>
        [.. SourcePatterns
            .SelectMany(pattern => Directory.EnumerateFiles(projectFolder, pattern, SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(Path.GetRelativePath(projectFolder, f)))
            .Order(StringComparer.Ordinal)];

    private static bool IsBuildOutput(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Any(p => p is "artifacts" or "bin" or "obj");
    }
}
