namespace FactoryTwin.Architecture.Tests;

public sealed class ArchitectureCheckerTests : IDisposable
{
    private readonly string _fixture = Path.Combine(Path.GetTempPath(), "factorytwin-arch-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Check_Repository_FollowsTheModuleTable()
    {
        var violations = ArchitectureChecker.Check(Path.Combine(ArchitectureChecker.RepositoryRoot(), "src"));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Check_Repository_HasEveryModuleOfTheTable()
    {
        var projects = ProjectGraph.Read(Path.Combine(ArchitectureChecker.RepositoryRoot(), "src")).Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(ModuleRules.AllowedReferences.Keys.Order(StringComparer.Ordinal), projects);
    }

    [Fact]
    public void Check_EngineReferencingModel_IsReported()
    {
        WriteProject("FactoryTwin.Model");
        WriteProject("FactoryTwin.Simulation", "FactoryTwin.Model");

        var violations = ArchitectureChecker.Check(_fixture);

        var v = Assert.Single(violations);
        Assert.Contains("FactoryTwin.Simulation references FactoryTwin.Model", v, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ModuleReferencingHost_IsReported()
    {
        WriteProject("FactoryTwin.Server");
        WriteProject("FactoryTwin.Twin", "FactoryTwin.Model", "FactoryTwin.Server");

        var violations = ArchitectureChecker.Check(_fixture);

        Assert.Contains(violations, v => v.Contains("FactoryTwin.Twin references FactoryTwin.Server", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_UnknownProject_IsReported()
    {
        WriteProject("FactoryTwin.Utils");

        var violations = ArchitectureChecker.Check(_fixture);

        Assert.Contains(violations, v => v.StartsWith("FactoryTwin.Utils: not in the module table", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_HeavyPackageOutsideItsModule_IsReported()
    {
        WriteProject("FactoryTwin.Plant", packages: ["YamlDotNet"]);

        var violations = ArchitectureChecker.Check(_fixture);

        Assert.Contains(violations, v => v.Contains("package YamlDotNet, which belongs to FactoryTwin.Model", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_AllowedReferences_AreNotReported()
    {
        WriteProject("FactoryTwin.Model", packages: ["YamlDotNet"]);
        WriteProject("FactoryTwin.Plant", "FactoryTwin.Model", "FactoryTwin.Simulation", "FactoryTwin.Thermal");

        Assert.Empty(ArchitectureChecker.Check(_fixture));
    }

    [Fact]
    public void Check_UsingOfANamespaceTheTableDoesNotAllow_IsReportedWithFileAndLine()
    {
        WriteProject("FactoryTwin.Simulation");
        WriteProject("FactoryTwin.Plant", "FactoryTwin.Simulation");
        WriteProject("FactoryTwin.Analytics", "FactoryTwin.Plant");
        WriteSource("FactoryTwin.Simulation", "Engine/Run.cs", "namespace FactoryTwin.Simulation.Engine;\npublic sealed class Run;\n");
        WriteSource("FactoryTwin.Plant", "Plan.cs", "using FactoryTwin.Simulation.Engine;\nnamespace FactoryTwin.Plant;\npublic sealed class Plan;\n");
        WriteSource("FactoryTwin.Analytics", "Forecasting/Forecast.cs", "using FactoryTwin.Plant;\nusing FactoryTwin.Simulation.Engine;\n\nnamespace FactoryTwin.Analytics.Forecasting;\n");

        var violations = ArchitectureChecker.Check(_fixture);

        var v = Assert.Single(violations);
        Assert.Equal("FactoryTwin.Analytics uses namespace FactoryTwin.Simulation (FactoryTwin.Analytics/Forecasting/Forecast.cs:2), which the module table does not allow.", v);
    }

    [Fact]
    public void Check_FullyQualifiedNameOfAForbiddenModule_IsReported()
    {
        WriteProject("FactoryTwin.Thermal");
        WriteProject("FactoryTwin.Twin");
        WriteSource("FactoryTwin.Thermal", "Problem/Schedule.cs", "namespace FactoryTwin.Thermal.Problem;\n");
        WriteSource("FactoryTwin.Twin", "Watch.cs", "namespace FactoryTwin.Twin;\n\ninternal sealed class Watch\n{\n    private global::FactoryTwin.Thermal.Problem.Schedule? _s;\n}\n");

        var violations = ArchitectureChecker.Check(_fixture);

        Assert.Contains("FactoryTwin.Twin uses namespace FactoryTwin.Thermal (FactoryTwin.Twin/Watch.cs:5), which the module table does not allow.", violations);
    }

    [Fact]
    public void Check_CrefToAForbiddenModule_IsReported()
    {
        WriteProject("FactoryTwin.Model");
        WriteProject("FactoryTwin.Simulation");
        WriteSource("FactoryTwin.Model", "Plants/Line.cs", "namespace FactoryTwin.Model.Plants;\n\n/// <summary>Runs as a <see cref=\"FactoryTwin.Simulation.Engine.LineSimulation\"/>.</summary>\npublic sealed record Line;\n");
        WriteSource("FactoryTwin.Simulation", "Engine/LineSimulation.cs", "namespace FactoryTwin.Simulation.Engine;\n");

        var violations = ArchitectureChecker.Check(_fixture);

        Assert.Contains("FactoryTwin.Model uses namespace FactoryTwin.Simulation (FactoryTwin.Model/Plants/Line.cs:3), which the module table does not allow.", violations);
    }

    [Fact]
    public void Check_ModuleNamesInCommentsAndStrings_AreNotUses()
    {
        WriteProject("FactoryTwin.Simulation");
        WriteProject("FactoryTwin.Model");
        WriteSource("FactoryTwin.Simulation", "Engine/Run.cs", "namespace FactoryTwin.Simulation.Engine;\n");
        WriteSource(
            "FactoryTwin.Model",
            "Telemetry/Keys.cs",
            "namespace FactoryTwin.Model.Telemetry;\n// like FactoryTwin.Simulation.Engine\n/* FactoryTwin.Simulation */\n"
            + "internal static class Keys\n{\n    public const string A = \"FactoryTwin.Simulation.Clock\";\n    public const string B = @\"FactoryTwin.Simulation\"\"x\"\"\";\n"
            + "    public const string C = \"\"\"\n        FactoryTwin.Simulation\n        \"\"\";\n    public const char D = '\\'';\n}\n");

        Assert.Empty(ArchitectureChecker.Check(_fixture));
    }

    [Fact]
    public void Check_ReferenceWhoseNamespacesAreNeverUsed_IsReported()
    {
        WriteProject("FactoryTwin.Model");
        WriteProject("FactoryTwin.Telemetry", "FactoryTwin.Model");
        WriteProject("FactoryTwin.VirtualPlant", "FactoryTwin.Model", "FactoryTwin.Telemetry");
        WriteSource("FactoryTwin.Model", "Ids/AssetId.cs", "namespace FactoryTwin.Model.Ids;\n");
        WriteSource("FactoryTwin.Telemetry", "Codec.cs", "using FactoryTwin.Model.Ids;\nnamespace FactoryTwin.Telemetry;\n");
        WriteSource("FactoryTwin.VirtualPlant", "Emulator.cs", "using FactoryTwin.Model.Ids;\nnamespace FactoryTwin.VirtualPlant;\n");

        var violations = ArchitectureChecker.Check(_fixture);

        var v = Assert.Single(violations);
        Assert.Equal("FactoryTwin.VirtualPlant references FactoryTwin.Telemetry but no source file uses its namespaces; remove the reference.", v);
    }

    [Fact]
    public void Check_ReferenceUsedOnlyForItsOwnedPackage_IsUsed()
    {
        WriteProject("FactoryTwin.Telemetry", packages: ["MQTTnet"]);
        WriteProject("FactoryTwin.VirtualPlant", "FactoryTwin.Telemetry");
        WriteSource("FactoryTwin.Telemetry", "Broker.cs", "using MQTTnet;\nnamespace FactoryTwin.Telemetry;\n");
        WriteSource("FactoryTwin.VirtualPlant", "Publisher.cs", "using MQTTnet.Protocol;\nnamespace FactoryTwin.VirtualPlant;\n");

        Assert.Empty(ArchitectureChecker.Check(_fixture));
    }

    [Fact]
    public void Check_OwnedPackageNamespaceWithoutTheOwner_IsReported()
    {
        WriteProject("FactoryTwin.Simulation");
        WriteSource("FactoryTwin.Simulation", "Trace.cs", "namespace FactoryTwin.Simulation;\ninternal sealed class Trace\n{\n    private YamlDotNet.Core.Parser? _p;\n}\n");

        var v = Assert.Single(ArchitectureChecker.Check(_fixture));
        Assert.Equal("FactoryTwin.Simulation uses namespace YamlDotNet of FactoryTwin.Model (FactoryTwin.Simulation/Trace.cs:4), which the module table does not allow.", v);
    }

    [Fact]
    public void Check_PlaceholderProjectWithoutSources_IsNotReportedAsUnused()
    {
        WriteProject("FactoryTwin.Model");
        WriteProject("FactoryTwin.Mes", "FactoryTwin.Model");
        WriteProject("FactoryTwin.Server", "FactoryTwin.Model", "FactoryTwin.Mes");
        WriteSource("FactoryTwin.Model", "Ids/AssetId.cs", "namespace FactoryTwin.Model.Ids;\n");
        WriteSource("FactoryTwin.Server", "Host.cs", "using FactoryTwin.Model.Ids;\nnamespace FactoryTwin.Server;\n");

        Assert.Empty(ArchitectureChecker.Check(_fixture));
    }

    [Fact]
    public void Check_RazorUsing_CountsAsAUse()
    {
        WriteProject("FactoryTwin.Model");
        WriteProject("FactoryTwin.Server", "FactoryTwin.Model");
        WriteSource("FactoryTwin.Model", "Layout/PlantLayout.cs", "namespace FactoryTwin.Model.Layout;\n");
        WriteSource("FactoryTwin.Server", "Components/Plant.razor", "@using FactoryTwin.Model.Layout\n<p>Don't stop</p>\n");

        Assert.Empty(ArchitectureChecker.Check(_fixture));
    }

    [Fact]
    public void Check_PlantWordInAnEngineIdentifier_IsReported()
    {
        WriteProject("FactoryTwin.Simulation");
        WriteSource("FactoryTwin.Simulation", "Modeling/SourceOptions.cs", "namespace FactoryTwin.Simulation.Modeling;\n// the colour mix\npublic sealed record SourceOptions\n{\n    public double[] ColourMix { get; init; } = [];\n}\n");

        var violations = ArchitectureChecker.Check(_fixture);

        var v = Assert.Single(violations);
        Assert.Equal("FactoryTwin.Simulation is an engine but names 'ColourMix' (FactoryTwin.Simulation/Modeling/SourceOptions.cs:5), a plant word ('Colour').", v);
    }

    [Fact]
    public void Check_GraphColouringWordsInAnEngine_AreNotPlantWords()
    {
        WriteProject("FactoryTwin.Thermal");
        WriteSource("FactoryTwin.Thermal", "Implicit/Smoother.cs", "namespace FactoryTwin.Thermal.Implicit;\ninternal static class Smoother\n{\n    public static void ColorFromZeroKernel(int color) { }\n}\n");

        Assert.Empty(ArchitectureChecker.Check(_fixture));
    }

    [Fact]
    public void Check_ClusteringOutsideAHost_IsReported()
    {
        WriteProject("FactoryTwin.Twin");
        WriteProject("FactoryTwin.Server", "FactoryTwin.Twin");
        WriteSource("FactoryTwin.Twin", "Hosting/Silo.cs", "namespace FactoryTwin.Twin.Hosting;\ninternal static class Silo\n{\n    public static void Add(dynamic b) => b.UseLocalhostClustering();\n}\n");
        WriteSource("FactoryTwin.Server", "Hosting/Host.cs", "using FactoryTwin.Twin.Hosting;\nnamespace FactoryTwin.Server.Hosting;\ninternal static class Host\n{\n    public static void Add(dynamic b) => b.UseAdoNetClustering();\n}\n");

        var violations = ArchitectureChecker.Check(_fixture);

        var v = Assert.Single(violations);
        Assert.Equal("FactoryTwin.Twin configures clustering (UseLocalhostClustering at FactoryTwin.Twin/Hosting/Silo.cs:4); only a host (FactoryTwin.Server, FactoryTwin.Cli) may.", v);
    }

    [Fact]
    public void Check_ClusteringPackageOutsideTheServer_IsReported()
    {
        WriteProject("FactoryTwin.Twin", packages: ["Microsoft.Orleans.Clustering.AdoNet"]);

        var violations = ArchitectureChecker.Check(_fixture);

        Assert.Contains(violations, v => v.Contains("package Microsoft.Orleans.Clustering.AdoNet, which belongs to FactoryTwin.Server", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_fixture))
        {
            Directory.Delete(_fixture, recursive: true);
        }
    }

    private void WriteProject(string name, params string[] references) => WriteProject(name, [], references);

    private void WriteProject(string name, string[] packages, params string[] references)
    {
        var dir = Path.Combine(_fixture, name);
        Directory.CreateDirectory(dir);
        var refs = string.Concat(references.Select(r => $"""<ProjectReference Include="..\{r}\{r}.csproj" />"""));
        var pkgs = string.Concat(packages.Select(p => $"""<PackageReference Include="{p}" />"""));
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>{refs}{pkgs}</ItemGroup></Project>""");
    }

    private void WriteSource(string project, string relativePath, string text)
    {
        var path = Path.Combine(_fixture, project, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
