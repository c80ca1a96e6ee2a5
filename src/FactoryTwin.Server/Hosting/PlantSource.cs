namespace FactoryTwin.Server.Hosting;

/// <summary>
/// The plant file the server loaded at start, as its text: what a what-if sends to the cluster's workers, so that each
/// of them reads the very plant this node serves.
/// </summary>
/// <param name="Path">The file's full path (named in diagnostics).</param>
/// <param name="Text">The YAML text the plant model was read from.</param>
internal sealed record PlantSource(string Path, string Text);
