namespace FactoryTwin.Architecture.Tests;

/// <summary>The module table of docs/architecture.md: which project may reference which, and which module owns a heavy package.</summary>
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
        ["FactoryTwin.Twin"] = ["FactoryTwin.Model", "FactoryTwin.Plant", "FactoryTwin.Analytics", "FactoryTwin.Historian", "FactoryTwin.Telemetry"],
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
    ];
}
