using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace FactoryTwin.Server.Tests.Deployment;

/// <summary>Reads the deployment files (Dockerfile, compose, Kubernetes): YAML documents, env files, mosquitto settings.</summary>
internal static partial class DeploymentFiles
{
    /// <summary>The health endpoints the server maps (<c>UseFactoryTwinServer</c>); <see cref="HealthProbeTests"/> asks each of a running server.</summary>
    public static readonly string[] ServedHealthPaths = ["/health/live", "/health/ready"];

    public static string Root { get; } = RepositoryPaths.Root();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Every YAML document of a file, merge keys (<c>&lt;&lt;: *anchor</c>) resolved, as nested dictionaries and lists.</summary>
    public static List<Dictionary<string, object?>> YamlDocuments(string path)
    {
        using var reader = new StreamReader(path);
        return YamlDocuments(reader, path);
    }

    /// <summary>Every YAML document of a text, merge keys resolved.</summary>
    public static List<Dictionary<string, object?>> YamlDocuments(TextReader reader, string what)
    {
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<Dictionary<string, object?>>();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            var document = deserializer.Deserialize<object?>(parser);
            if (document is not null)
            {
                documents.Add(Map(document, what));
            }
        }

        return documents;
    }

    public static Dictionary<string, object?> Map(object? node, string what) =>
        node is Dictionary<object, object?> map
            ? map.ToDictionary(kv => (string)kv.Key, kv => kv.Value, StringComparer.Ordinal)
            : throw new Xunit.Sdk.XunitException($"{what}: expected a mapping, found {node?.GetType().Name ?? "nothing"}.");

    public static Dictionary<string, object?> Map(Dictionary<string, object?> parent, string key, string what) =>
        parent.TryGetValue(key, out var value) ? Map(value, $"{what}.{key}") : throw new Xunit.Sdk.XunitException($"{what} has no '{key}'.");

    public static List<object?> List(Dictionary<string, object?> parent, string key, string what) =>
        parent.TryGetValue(key, out var value) && value is List<object?> list ? list : throw new Xunit.Sdk.XunitException($"{what} has no list '{key}'.");

    public static string Text(Dictionary<string, object?> parent, string key, string what) =>
        parent.TryGetValue(key, out var value) && value is string s ? s : throw new Xunit.Sdk.XunitException($"{what} has no text '{key}'.");

    /// <summary>The <c>${NAME}</c>, <c>${NAME:-default}</c> and <c>${NAME:?message}</c> references of a compose file.</summary>
    public static IEnumerable<string> Interpolations(string text) => InterpolationPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>
    /// A compose value as the container receives it: each <c>${NAME…}</c> replaced by its value in <paramref name="variables"/>
    /// (else its <c>:-</c> default), and <c>$$</c> by <c>$</c>.
    /// </summary>
    public static string Interpolate(string value, IReadOnlyDictionary<string, string> variables)
    {
        var replaced = InterpolationPattern().Replace(value, m =>
            variables.TryGetValue(m.Groups[1].Value, out var v) ? v
            : m.Value.Contains(":-", StringComparison.Ordinal) ? m.Value[(m.Value.IndexOf(":-", StringComparison.Ordinal) + 2)..^1]
            : throw new Xunit.Sdk.XunitException($"{m.Value}: no value in .env.example"));
        return replaced.Replace("$$", "$", StringComparison.Ordinal);
    }

    /// <summary>The KEY=value lines of an env file (the value runs to the end of the line).</summary>
    public static Dictionary<string, string> EnvFile(string path) =>
        File.ReadAllLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);

    /// <summary>The settings of a mosquitto configuration file: name → values, in order.</summary>
    public static Dictionary<string, List<string>> MosquittoSettings(string path)
    {
        var settings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(' ', 2);
            if (!settings.TryGetValue(parts[0], out var values))
            {
                settings[parts[0]] = values = [];
            }

            values.Add(parts.Length > 1 ? parts[1].Trim() : string.Empty);
        }

        return settings;
    }

    /// <summary>Finds an executable on PATH, as a shell would; <see langword="null"/> when there is none.</summary>
    public static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?][^}]*)?\}")]
    private static partial Regex InterpolationPattern();
}
