using System.Text;
using FactoryTwin.Model.Loading;

namespace FactoryTwin.Fuzz;

/// <summary>
/// The plant target: a plant file through the YAML loader and its checks. The loader answers every input with a result
/// (a model, or diagnostics with file:line:column); any exception is a finding. Also linked into FactoryTwin.Model.Tests,
/// which replays the corpus and the regressions.
/// </summary>
internal static class PlantTarget
{
    /// <summary>Loads one input as a plant file.</summary>
    /// <param name="input">The file's bytes (UTF-8; invalid bytes read as U+FFFD, as a text editor would).</param>
    /// <returns>The result.</returns>
    public static PlantLoadResult Run(ReadOnlySpan<byte> input) => PlantLoader.Parse(Encoding.UTF8.GetString(input), "fuzz.yaml");
}
