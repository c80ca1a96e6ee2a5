using System.Text.Json;

namespace FactoryTwin.VirtualPlant.Tests.TestSupport;

/// <summary>Reads a ground-truth JSON Lines file.</summary>
internal static class GroundTruth
{
    public static List<JsonElement> Read(string path) =>
        [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    public static string Kind(this JsonElement e) => e.GetProperty("kind").GetString()!;

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    /// <summary>The message content a state, count or part event must produce: kind, line, asset and the kind's fields.</summary>
    public static string Key(this JsonElement e, string line, string asset, string kind) => kind switch
    {
        "state" => $"{line}/{asset}/state {e.Str("state")}",
        "count" => $"{line}/{asset}/count {e.GetProperty("good").GetInt64()} {e.GetProperty("scrap").GetInt64()}",
        _ => $"{line}/{asset}/part {e.Str("event")} {e.Str("part")} {e.Str("variant")} {e.Str("colour")}",
    };

    public static string Key(this JsonElement truth) => truth.Key(truth.Str("line"), truth.Str("asset"), truth.Kind());
}
