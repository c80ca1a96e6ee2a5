namespace FactoryTwin.Architecture.Tests;

/// <summary>
/// The module table of docs/architecture.md: which project may reference (and whose namespaces its sources may name),
/// which module owns a heavy package, which projects are engines (no plant words) and which are hosts (clustering).
/// </summary>
internal static class ModuleRules
{
    public static IReadOnlyDictionary<string, string[]> AllowedReferences { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["FactoryTwin.Model"] = [],
        ["FactoryTwin.Simulation"] = [],
        ["FactoryTwin.Thermal"] = [],
        ["FactoryTwin.Plant"] = ["FactoryTwin.Model", "FactoryTwin.Simulation", "FactoryTwin.Thermal"],
        ["FactoryTwin.Analytics"] = ["FactoryTwin.Model", "FactoryTwin.Plant"],
        ["FactoryTwin.Historian"] = ["FactoryTwin.Model"],
        ["FactoryTwin.Telemetry"] = ["FactoryTwin.Model"],
        ["FactoryTwin.Mes"] = ["FactoryTwin.Model"],
        // Not Telemetry: the twin is fed committed batches through Model's ITelemetryBatchObserver (docs/architecture.md).
        ["FactoryTwin.Twin"] = ["FactoryTwin.Model", "FactoryTwin.Plant", "FactoryTwin.Analytics", "FactoryTwin.Historian"],
        ["FactoryTwin.VirtualPlant"] = ["FactoryTwin.Model", "FactoryTwin.Plant", "FactoryTwin.Telemetry"],
        ["FactoryTwin.Server"] =
        [
            "FactoryTwin.Model", "FactoryTwin.Simulation", "FactoryTwin.Thermal", "FactoryTwin.Plant", "FactoryTwin.Analytics",
            "FactoryTwin.Historian", "FactoryTwin.Telemetry", "FactoryTwin.Mes", "FactoryTwin.Twin", "FactoryTwin.VirtualPlant",
        ],
        ["FactoryTwin.Cli"] =
        [
            "FactoryTwin.Model", "FactoryTwin.Simulation", "FactoryTwin.Thermal", "FactoryTwin.Plant", "FactoryTwin.Analytics",
            "FactoryTwin.Historian", "FactoryTwin.Telemetry", "FactoryTwin.Mes", "FactoryTwin.Twin", "FactoryTwin.VirtualPlant",
            "FactoryTwin.Server",
        ],
    };

    /// <summary>Heavy or native packages and the one module that may reference each (by package id prefix).</summary>
    public static IReadOnlyList<(string PackagePrefix, string Owner)> PackageOwners { get; } =
    [
        ("YamlDotNet", "FactoryTwin.Model"),
        ("ILGPU", "FactoryTwin.Thermal"),
        ("MQTTnet", "FactoryTwin.Telemetry"),
        ("Google.OrTools", "FactoryTwin.Analytics"),
        ("DuckDB.NET", "FactoryTwin.Historian"),
        ("Microsoft.Orleans.Clustering", "FactoryTwin.Server"),
    ];

    /// <summary>
    /// The root namespaces of the owned packages, and their owners: a project names them only through a reference to
    /// the owner (VirtualPlant publishes with Telemetry's MQTTnet), so naming one is a use of the owner.
    /// </summary>
    public static IReadOnlyList<(string Namespace, string Owner)> PackageNamespaces { get; } =
    [
        ("YamlDotNet", "FactoryTwin.Model"),
        ("ILGPU", "FactoryTwin.Thermal"),
        ("MQTTnet", "FactoryTwin.Telemetry"),
        ("Google.OrTools", "FactoryTwin.Analytics"),
        ("DuckDB.NET", "FactoryTwin.Historian"),
    ];

    /// <summary>The pure engines: generic, with no plant vocabulary in their code.</summary>
    public static IReadOnlyList<string> Engines { get; } = ["FactoryTwin.Simulation", "FactoryTwin.Thermal"];

    /// <summary>
    /// Words of the plant (paint shop, ovens, bodies, assets) that no identifier of an engine may contain, compared
    /// word by word and case-insensitively (<c>ColourMix</c> holds "colour"). "Color" is not one: the thermal
    /// solver's red-black colouring is the engine's own word.
    /// </summary>
    public static IReadOnlySet<string> PlantVocabulary { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "colour", "colours", "paint", "oven", "ovens", "plant", "asset", "assets", "body", "bodies", "cure", "ecoat",
    };

    /// <summary>The hosts: only they choose how Orleans silos find each other (clustering).</summary>
    public static IReadOnlyList<string> Hosts { get; } = ["FactoryTwin.Server", "FactoryTwin.Cli"];
}
