namespace FactoryTwin.Architecture.Tests;

/// <summary>A project file, what it references, and which module namespaces its source files name.</summary>
/// <param name="Name">The project name.</param>
/// <param name="Path">The .csproj path.</param>
/// <param name="ProjectReferences">The projects it references.</param>
/// <param name="PackageReferences">The packages it references.</param>
/// <param name="HasSources">Whether it has any .cs or .razor file (a placeholder project has none).</param>
/// <param name="Uses">Every place a source file names a module's namespace (its own included).</param>
/// <param name="Identifiers">Each identifier of its code once, at its first place.</param>
internal sealed record ProjectInfo(
    string Name,
    string Path,
    IReadOnlyList<string> ProjectReferences,
    IReadOnlyList<string> PackageReferences,
    bool HasSources,
    IReadOnlyList<NamespaceUse> Uses,
    IReadOnlyList<SourceIdentifier> Identifiers);
