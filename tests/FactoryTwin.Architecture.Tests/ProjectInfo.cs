namespace FactoryTwin.Architecture.Tests;

/// <summary>A project file and what it references.</summary>
internal sealed record ProjectInfo(string Name, string Path, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> PackageReferences);
