using System.Reflection;
using System.Text.RegularExpressions;
using FactoryTwin.Historian;
using FactoryTwin.Server.Components.Dashboard.Data;
using FactoryTwin.Telemetry;
using FactoryTwin.Twin.Hosting;
using FactoryTwin.VirtualPlant;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace FactoryTwin.Server.Tests.Deployment;

/// <summary>Reads the deployment files (Dockerfile, compose, Kubernetes) and checks names against the application.</summary>
internal static partial class DeploymentFiles
{
    public static string Root { get; } = RepositoryPaths.Root();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Every YAML document of a file, merge keys (<c>&lt;&lt;: *anchor</c>) resolved, as nested dictionaries and lists.</summary>
    public static List<Dictionary<string, object?>> YamlDocuments(string path)
    {
        using var reader = new StreamReader(path);
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<Dictionary<string, object?>>();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            var document = deserializer.Deserialize<object?>(parser);
            if (document is not null)
            {
                documents.Add(Map(document, path));
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

    private static readonly Dictionary<string, Type> s_sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [ServerOptions.SectionName] = typeof(ServerOptions),
        [TelemetryOptions.SectionName] = typeof(TelemetryOptions),
        [HistorianOptions.SectionName] = typeof(HistorianOptions),
        [TwinOptions.SectionName] = typeof(TwinOptions),
        [VirtualPlantOptions.SectionName] = typeof(VirtualPlantOptions),
        [DashboardOptions.Section] = typeof(DashboardOptions),
    };

    /// <summary>
    /// Says why an environment variable is not a configuration key of the application, or <see langword="null"/> when it
    /// is: <c>Section__Key__Sub</c> must name a settable property of the options type bound to the section, case
    /// insensitive as .NET configuration binding is, and end on a value, not an object.
    /// </summary>
    public static string? WhyNotAConfigurationKey(string variable)
    {
        if (variable.StartsWith("DOTNET_", StringComparison.Ordinal) || variable.StartsWith("ASPNETCORE_", StringComparison.Ordinal))
        {
            return null; // read by the runtime, not the application's configuration
        }

        var parts = variable.Split("__");
        if (parts.Length < 2 || !s_sections.TryGetValue(parts[0], out var type))
        {
            return $"{variable}: '{parts[0]}' is not a configuration section of the application";
        }

        for (int i = 1; i < parts.Length; i++)
        {
            var property = type.GetProperty(parts[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || property.SetMethod is not { IsPublic: true })
            {
                return $"{variable}: {type.Name} has no settable property '{parts[i]}'";
            }

            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            bool leaf = type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal) || type == typeof(DateTimeOffset);
            if (leaf != (i == parts.Length - 1))
            {
                return leaf ? $"{variable}: '{parts[i]}' is a value, it has no '{parts[i + 1]}'" : $"{variable}: '{parts[i]}' is a section, not a value";
            }
        }

        return null;
    }

    /// <summary>The <c>${NAME}</c>, <c>${NAME:-default}</c> and <c>${NAME:?message}</c> references of a compose file.</summary>
    public static IEnumerable<string> Interpolations(string text) => InterpolationPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>The KEY=value lines of an env file.</summary>
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

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?][^}]*)?\}")]
    private static partial Regex InterpolationPattern();
}
