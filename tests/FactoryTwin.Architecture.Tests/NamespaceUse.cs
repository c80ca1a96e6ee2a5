namespace FactoryTwin.Architecture.Tests;

/// <summary>A place where a source file names a module's namespace, or the namespace of a package the module owns.</summary>
/// <param name="Module">The module (project name) whose namespace, or whose package's namespace, is named.</param>
/// <param name="Namespace">The root namespace named: <c>FactoryTwin.Telemetry</c>, or <c>MQTTnet</c> (owned by Telemetry).</param>
/// <param name="File">The file.</param>
/// <param name="Line">The 1-based line.</param>
internal sealed record NamespaceUse(string Module, string Namespace, string File, int Line);
