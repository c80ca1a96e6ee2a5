using FactoryTwin.Model.Diagnostics;

namespace FactoryTwin.Model.Yaml;

/// <summary>A value read from a file together with where it was written.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Location">Where it was written.</param>
public readonly record struct Located<T>(T Value, SourceLocation Location);
