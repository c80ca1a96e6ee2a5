namespace FactoryTwin.Architecture.Tests;

/// <summary>An identifier of a project's code, at the first place it appears.</summary>
/// <param name="Name">The identifier.</param>
/// <param name="File">The file.</param>
/// <param name="Line">The 1-based line.</param>
internal sealed record SourceIdentifier(string Name, string File, int Line);
