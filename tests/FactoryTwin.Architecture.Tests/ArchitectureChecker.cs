namespace FactoryTwin.Architecture.Tests;

/// <summary>Checks the projects under <c>src/</c> against the module table: their references, and the namespaces their sources name.</summary>
internal static class ArchitectureChecker
{
    public static IReadOnlyList<string> Check(string srcFolder)
    {
        var violations = new List<string>();
        var projects = ProjectGraph.Read(srcFolder);
        var withSources = projects.Where(p => p.HasSources).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var project in projects)
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

            violations.AddRange(CheckNamespaces(project, allowed, withSources, srcFolder));
            violations.AddRange(CheckIdentifiers(project, srcFolder));
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

    /// <summary>
    /// An engine's identifiers hold no plant word (<see cref="ModuleRules.PlantVocabulary"/>), and only a host calls an
    /// Orleans clustering method (<c>Use…Clustering</c>).
    /// </summary>
    private static IEnumerable<string> CheckIdentifiers(ProjectInfo project, string srcFolder)
    {
        bool engine = ModuleRules.Engines.Contains(project.Name, StringComparer.Ordinal);
        bool host = ModuleRules.Hosts.Contains(project.Name, StringComparer.Ordinal);
        foreach (var identifier in project.Identifiers)
        {
            if (engine && SourceScanner.Words(identifier.Name).FirstOrDefault(ModuleRules.PlantVocabulary.Contains) is { } word)
            {
                yield return $"{project.Name} is an engine but names '{identifier.Name}' ({Location(identifier.File, identifier.Line, srcFolder)}), a plant word ('{word}').";
            }

            if (!host && identifier.Name.StartsWith("Use", StringComparison.Ordinal) && identifier.Name.EndsWith("Clustering", StringComparison.Ordinal))
            {
                yield return $"{project.Name} configures clustering ({identifier.Name} at {Location(identifier.File, identifier.Line, srcFolder)}); only a host ({string.Join(", ", ModuleRules.Hosts)}) may.";
            }
        }
    }

    private static string Location(string file, int line, string srcFolder) =>
        $"{Path.GetRelativePath(srcFolder, file).Replace('\\', '/')}:{line}";

    /// <summary>
    /// A source file that names a namespace of a module the table does not allow is a violation (reported once per
    /// module, at its first use); so is a project reference none of whose namespaces any source file names. Projects
    /// without source files (placeholders) neither use nor offer namespaces and are left out of the second rule.
    /// </summary>
    private static IEnumerable<string> CheckNamespaces(ProjectInfo project, string[] allowed, HashSet<string> withSources, string srcFolder)
    {
        foreach (var use in project.Uses
                     .Where(u => u.Module != project.Name && !allowed.Contains(u.Module, StringComparer.Ordinal))
                     .GroupBy(u => u.Module, StringComparer.Ordinal)
                     .Select(g => g.First()))
        {
            var owned = use.Namespace == use.Module ? string.Empty : $" of {use.Module}";
            yield return $"{project.Name} uses namespace {use.Namespace}{owned} ({Location(use.File, use.Line, srcFolder)}), which the module table does not allow.";
        }

        if (!project.HasSources)
        {
            yield break;
        }

        foreach (var reference in project.ProjectReferences)
        {
            if (withSources.Contains(reference) && !project.Uses.Any(u => u.Module == reference))
            {
                yield return $"{project.Name} references {reference} but no source file uses its namespaces; remove the reference.";
            }
        }
    }
}
