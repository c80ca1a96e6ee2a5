using System.Xml.Linq;

namespace FactoryTwin.Architecture.Tests;

/// <summary>Reads the project and package references of every .csproj under a folder.</summary>
internal static class ProjectGraph
{
    public static IReadOnlyList<ProjectInfo> Read(string folder)
    {
        var result = new List<ProjectInfo>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (path.Contains($"{Path.DirectorySeparatorChar}artifacts{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var doc = XDocument.Load(path);
            var projects = doc.Descendants()
                .Where(e => e.Name.LocalName == "ProjectReference")
                .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? string.Empty).Replace('\\', '/')))
                .ToList();
            var packages = doc.Descendants()
                .Where(e => e.Name.LocalName == "PackageReference")
                .Select(e => (string?)e.Attribute("Include") ?? string.Empty)
                .ToList();
            result.Add(new ProjectInfo(Path.GetFileNameWithoutExtension(path), path, projects, packages));
        }

        return result;
    }
}
