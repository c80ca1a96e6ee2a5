namespace FactoryTwin.Architecture.Tests;

/// <summary>Checks the projects under <c>src/</c> against the module table.</summary>
internal static class ArchitectureChecker
{
    public static IReadOnlyList<string> Check(string srcFolder)
    {
        var violations = new List<string>();
        foreach (var project in ProjectGraph.Read(srcFolder))
        {
            if (!ModuleRules.AllowedReferences.TryGetValue(project.Name, out var allowed))
            {
                violations.Add($"{project.Name}: not in the module table; add it to docs/architecture.md and ModuleRules first.");
                continue;
            }

            foreach (var reference in project.ProjectReferences)
            {
                if (!allowed.Contains(reference, StringComparer.Ordinal))
                {
                    violations.Add($"{project.Name} references {reference}, which the module table does not allow.");
                }
            }

            foreach (var package in project.PackageReferences)
            {
                foreach (var (prefix, owner) in ModuleRules.PackageOwners)
                {
                    if (package.StartsWith(prefix, StringComparison.Ordinal) && project.Name != owner)
                    {
                        violations.Add($"{project.Name} references package {package}, which belongs to {owner}.");
                    }
                }
            }
        }

        return violations;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FactoryTwin.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FactoryTwin.slnx not found above " + AppContext.BaseDirectory);
    }
}
