namespace FactoryTwin.Architecture.Tests;

public sealed class ArchitectureCheckerTests : IDisposable
{
    private readonly string _fixture = Path.Combine(Path.GetTempPath(), "factorytwin-arch-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Check_Repository_FollowsTheModuleTable()
    {
        var violations = ArchitectureChecker.Check(Path.Combine(ArchitectureChecker.RepositoryRoot(), "src"));

        Assert.Empty(violations);
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
}
