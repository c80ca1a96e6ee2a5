using static FactoryTwin.Server.Tests.Deployment.DeploymentFiles;

namespace FactoryTwin.Server.Tests.Deployment;

/// <summary>
/// deploy/compose checked offline (no container daemon here, and `docker compose` is not installed): structure, health
/// checks, volumes, configuration keys, referenced files, mosquitto persistence.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly string Folder = PathOf("deploy", "compose");

    private static Dictionary<string, object?> Compose() => Assert.Single(YamlDocuments(Path.Combine(Folder, "compose.yaml")));

    private static Dictionary<string, object?> Services() => Map(Compose(), "services", "compose.yaml");

    private static string[] Nodes() => [.. Services().Where(s => s.Key.StartsWith("node", StringComparison.Ordinal)).Select(s => s.Key)];

    private static Dictionary<string, object?> Environment(string service) =>
        Map(Map(Services(), service, "services"), "environment", service);

    [Fact]
    public void Compose_HasPostgresMosquittoAndTwoNodesOfTheImage()
    {
        var services = Services();

        Assert.Contains("postgres", services.Keys);
        Assert.Contains("mosquitto", services.Keys);
        Assert.Equal(["node1", "node2"], Nodes());
        foreach (var node in Nodes())
        {
            var service = Map(services, node, "services");
            Assert.Equal("../..", Text(Map(service, "build", node), "context", node));
            Assert.True(File.Exists(Path.Combine(Folder, "../..", Text(Map(service, "build", node), "dockerfile", node))));
            var dependsOn = Map(service, "depends_on", node);
            Assert.Equal("service_healthy", Text(Map(dependsOn, "postgres", node), "condition", node));
            Assert.Contains("mosquitto", dependsOn.Keys);
        }
    }

    [Fact]
    public void Nodes_AreOneClusterOnPostgresWithTheExternalBrokerAndDistinctClientIds()
    {
        var clientIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in Nodes())
        {
            var env = Environment(node);
            Assert.Equal("AdoNet", env["Server__Orleans__Clustering"]);
            Assert.Equal("Postgres", env["Historian__Provider"]);
            Assert.Equal("Postgres", env["Twin__Storage"]);
            Assert.Equal("External", env["Telemetry__Broker"]);
            Assert.Equal("mosquitto", env["Telemetry__Host"]);
            Assert.Equal("factorytwin", env["Telemetry__SharedSubscriptionGroup"]);
            Assert.Contains("Host=postgres;", (string)env["Server__Orleans__ConnectionString"]!, StringComparison.Ordinal);
            Assert.True(clientIds.Add((string)env["Telemetry__ClientId"]!), $"{node} reuses an MQTT client id");
            Assert.Equal("8443", env["Server__Port"]);
            Assert.Contains(List(Map(Services(), node, "services"), "ports", node), p => ((string)p!).EndsWith(":8443", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void NodeEnvironment_EveryVariableIsAConfigurationKeyOfTheApplication()
    {
        var wrong = Nodes().SelectMany(n => Environment(n).Keys).Distinct().Select(WhyNotAConfigurationKey).OfType<string>().ToList();

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("Server__Port")]
    [InlineData("Twin__ForecastChunkSize")]
    [InlineData("Server__Orleans__ConnectionString")]
    [InlineData("DOTNET_gcServer")]
    public void WhyNotAConfigurationKey_RealKeys_AreAccepted(string key) => Assert.Null(WhyNotAConfigurationKey(key));

    [Theory]
    [InlineData("Server__Prot", "ServerOptions has no settable property 'Prot'")]
    [InlineData("Servr__Port", "'Servr' is not a configuration section")]
    [InlineData("Server__Orleans", "'Orleans' is a section, not a value")]
    [InlineData("Server__Port__X", "'Port' is a value, it has no 'X'")]
    public void WhyNotAConfigurationKey_Typos_AreNamed(string key, string expected) =>
        Assert.Contains(expected, WhyNotAConfigurationKey(key), StringComparison.Ordinal);

    [Fact]
    public void Volumes_DataOfEveryStatefulServiceOnANamedVolumeAndEveryBindMountExists()
    {
        var compose = Compose();
        var declared = Map(compose, "volumes", "compose.yaml").Keys.ToHashSet(StringComparer.Ordinal);
        var mounts = Services().ToDictionary(
            s => s.Key,
            s => List(Map(s.Value, s.Key), "volumes", s.Key).Select(v => ((string)v!).Split(':')).ToList(),
            StringComparer.Ordinal);

        foreach (var (service, list) in mounts)
        {
            foreach (var mount in list)
            {
                if (mount[0].StartsWith("./", StringComparison.Ordinal))
                {
                    var host = Path.Combine(Folder, mount[0]);
                    bool operatorProvided = mount[0] == "./mosquitto/passwd";
                    Assert.True(operatorProvided || File.Exists(host) || Directory.Exists(host), $"{service} mounts {mount[0]}, which does not exist");
                }
                else
                {
                    Assert.Contains(mount[0], declared);
                }
            }
        }

        Assert.Contains(mounts["postgres"], m => m[1] == "/var/lib/postgresql/data" && declared.Contains(m[0]));
        var persistence = Assert.Single(MosquittoSettings(Path.Combine(Folder, "mosquitto", "mosquitto.conf"))["persistence_location"]);
        Assert.Contains(mounts["mosquitto"], m => persistence.TrimEnd('/') == m[1].TrimEnd('/') && declared.Contains(m[0]));
        foreach (var node in Nodes())
        {
            var dataFolder = (string)Environment(node)["Server__DataFolder"]!;
            Assert.Contains(mounts[node], m => m[1] == dataFolder && declared.Contains(m[0]));
        }

        // Each node its own data volume; the key ring volume shared, so both nodes accept each other's cookies.
        Assert.Equal(Nodes().Length, Nodes().Select(n => mounts[n].Single(m => m[1] == "/data")[0]).Distinct().Count());
        Assert.Single(Nodes().Select(n => mounts[n].Single(m => m[1] == (string)Environment(n)["Server__KeyRingFolder"]!)[0]).Distinct());
    }

    [Fact]
    public void Postgres_HasAHealthCheckAndItsInitScriptsFolder()
    {
        var postgres = Map(Services(), "postgres", "services");
        var test = List(Map(postgres, "healthcheck", "postgres"), "test", "postgres");

        Assert.Contains(test, t => ((string)t!).Contains("pg_isready", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Folder, "initdb", "README.md")));
    }

    [Fact]
    public void OperatorProvidedFiles_AreDocumentedAndKeptOutOfVersionControl()
    {
        Assert.Contains("passwd", File.ReadAllText(Path.Combine(Folder, "mosquitto", ".gitignore")), StringComparison.Ordinal);
        Assert.Contains(".env", File.ReadAllText(Path.Combine(Folder, ".gitignore")), StringComparison.Ordinal);
        Assert.Contains("*", File.ReadAllText(Path.Combine(Folder, "certs", ".gitignore")), StringComparison.Ordinal);

        // Every certificate file a service reads is described in certs/README.md.
        var readme = File.ReadAllText(Path.Combine(Folder, "certs", "README.md"));
        var mqtt = MosquittoSettings(Path.Combine(Folder, "mosquitto", "mosquitto.conf"));
        var files = new[] { Assert.Single(mqtt["certfile"]), Assert.Single(mqtt["keyfile"]) }.Select(p => p.Replace("/mosquitto/certs/", string.Empty, StringComparison.Ordinal))
            .Concat(Nodes().Select(n => ((string)Environment(n)["Server__CertificatePath"]!).Replace("/certs/", string.Empty, StringComparison.Ordinal)));
        Assert.All(files, f => Assert.Contains($"`{f}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Interpolations_EveryVariableIsInTheEnvExample()
    {
        var example = EnvFile(Path.Combine(Folder, ".env.example"));

        Assert.All(Interpolations(File.ReadAllText(Path.Combine(Folder, "compose.yaml"))), v => Assert.Contains(v, example.Keys));
    }

    [Fact]
    public void Mosquitto_KeepsThePersistenceAndQueueingOfTheSampleConfiguration()
    {
        var sample = MosquittoSettings(PathOf("samples", "mosquitto", "mosquitto.conf"));
        var compose = MosquittoSettings(Path.Combine(Folder, "mosquitto", "mosquitto.conf"));

        // Where the files live and which address it listens on differ in a container; every other setting is the sample's.
        string[] placeDependent = ["listener", "persistence_location", "password_file", "acl_file"];
        foreach (var (name, values) in sample.Where(s => !placeDependent.Contains(s.Key)))
        {
            Assert.True(compose.TryGetValue(name, out var got), $"compose mosquitto.conf lacks '{name}'");
            Assert.Equal(values, got);
        }

        Assert.Equal(["true"], compose["persistence"]);
        Assert.Equal(["false"], compose["allow_anonymous"]);
        Assert.Equal(["1883", "8883"], compose["listener"]);
        Assert.Equal(File.ReadAllText(PathOf("samples", "mosquitto", "acl.example")), File.ReadAllText(Path.Combine(Folder, "mosquitto", "acl")));
    }

    [Fact]
    public void Mosquitto_FilesItReadsAreMountedWhereItLooks()
    {
        var settings = MosquittoSettings(Path.Combine(Folder, "mosquitto", "mosquitto.conf"));
        var targets = List(Map(Services(), "mosquitto", "services"), "volumes", "mosquitto").Select(v => ((string)v!).Split(':')[1]).ToList();

        foreach (var file in new[] { "password_file", "acl_file", "certfile", "keyfile" }.Select(k => Assert.Single(settings[k])))
        {
            Assert.Contains(targets, t => file == t || file.StartsWith(t.TrimEnd('/') + "/", StringComparison.Ordinal));
        }
    }
}
