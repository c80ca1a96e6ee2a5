using System.Text.RegularExpressions;
using FactoryTwin.Telemetry;
using static FactoryTwin.Server.Tests.Deployment.DeploymentFiles;

namespace FactoryTwin.Server.Tests.Deployment;

/// <summary>
/// deploy/compose checked offline: no container daemon here and no compose plugin (`docker compose config` cannot run),
/// so the file is parsed and checked for what compose and the server would refuse or get wrong — services, health
/// checks, dependencies, mounts, ports, and every node setting bound to the server's options types.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Folder = PathOf("deploy", "compose");

    private static Dictionary<string, object?> Compose() => Assert.Single(YamlDocuments(Path.Combine(Folder, "compose.yaml")));

    private static Dictionary<string, object?> Services() => Map(Compose(), "services", "compose.yaml");

    private static Dictionary<string, object?> Service(string name) => Map(Services(), name, "services");

    private static Dictionary<string, string> EnvExample() => EnvFile(Path.Combine(Folder, ".env.example"));

    /// <summary>The FactoryTwin nodes: the services built from the repository's Dockerfile.</summary>
    private static string[] Nodes() => [.. Services().Where(s => Map(s.Value, s.Key).ContainsKey("build")).Select(s => s.Key)];

    /// <summary>A service's environment as its container receives it (interpolated with .env.example's values).</summary>
    private static Dictionary<string, string> Environment(string service) =>
        Map(Service(service), "environment", service).ToDictionary(kv => kv.Key, kv => Interpolate(Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture)!, EnvExample()), StringComparer.Ordinal);

    private static ConfigurationCheck.Result Settings(string node) => ConfigurationCheck.Check(Environment(node));

    private static List<string> Mounts(string service) => [.. List(Service(service), "volumes", service).Select(v => (string)v!)];

    private static List<string> HealthCheck(string service) =>
        [.. List(Map(Service(service), "healthcheck", service), "test", service + ".healthcheck").Select(t => Interpolate((string)t!, EnvExample()))];

    [Fact]
    public void Services_PostgresMosquittoAndTwoNodes_EachWithAHealthCheck()
    {
        Assert.Equal(["mosquitto", "node1", "node2", "postgres"], Services().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["node1", "node2"], Nodes());
        foreach (var service in Services().Keys)
        {
            var test = HealthCheck(service);
            Assert.True(test.Count >= 2 && test[0] is "CMD" or "CMD-SHELL", $"{service}: healthcheck.test must be [CMD, …] or [CMD-SHELL, …]");
            Assert.False(Map(Service(service), "healthcheck", service).ContainsKey("disable"), $"{service} disables its health check");
        }
    }

    [Fact]
    public void DependsOn_EveryDependencyIsAServiceAndWaitsForItsHealthCheck()
    {
        string[] conditions = ["service_started", "service_healthy", "service_completed_successfully"];
        foreach (var (name, value) in Services())
        {
            if (!Map(value, name).TryGetValue("depends_on", out var dependsOn))
            {
                continue;
            }

            foreach (var (dependency, spec) in Map(dependsOn, name + ".depends_on"))
            {
                Assert.True(Services().ContainsKey(dependency), $"{name} depends on '{dependency}', which is not a service");
                var condition = Text(Map(spec, $"{name}.depends_on.{dependency}"), "condition", dependency);
                Assert.Contains(condition, conditions);
                Assert.Equal("service_healthy", condition); // every service here has a health check: wait for it
            }
        }

        Assert.All(Nodes(), n => Assert.Equal(["mosquitto", "postgres"], Map(Service(n), "depends_on", n).Keys.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Images_NodesBuildFromTheRepositoryDockerfileOthersPinAMajorVersion()
    {
        foreach (var node in Nodes())
        {
            var build = Map(Service(node), "build", node);
            var context = Path.GetFullPath(Path.Combine(Folder, Text(build, "context", node)));
            Assert.Equal(Root.TrimEnd(Path.DirectorySeparatorChar), context.TrimEnd(Path.DirectorySeparatorChar));
            Assert.True(File.Exists(Path.Combine(context, Text(build, "dockerfile", node))), $"{node}: no Dockerfile in the build context");
            Assert.Equal("factorytwin:dev", Interpolate(Text(Service(node), "image", node), new Dictionary<string, string>()));
        }

        foreach (var service in Services().Keys.Except(Nodes()))
        {
            var image = Text(Service(service), "image", service);
            Assert.Matches(@"^[a-z0-9./-]+:[0-9]+", image); // a tag that names a major version, never an implicit latest
        }
    }

    [Fact]
    public void NodeEnvironment_EveryVariableBindsToTheServersOptions()
    {
        foreach (var node in Nodes())
        {
            var settings = Settings(node);

            Assert.Empty(settings.Problems);
        }
    }

    [Fact]
    public void Nodes_OneClusterOnThePostgresServiceWithTheMosquittoServiceSplittingTheStream()
    {
        var postgres = Environment("postgres");
        var listeners = MosquittoSettings(Path.Combine(Folder, "mosquitto", "mosquitto.conf"))["listener"];
        var clientIds = new HashSet<string>(StringComparer.Ordinal);
        var groups = new HashSet<string?>(StringComparer.Ordinal);
        foreach (var node in Nodes())
        {
            var settings = Settings(node);
            var database = new Npgsql.NpgsqlConnectionStringBuilder(settings["Server:ClusterConnectionString"]);
            var telemetry = settings.Options<TelemetryOptions>(TelemetryOptions.SectionName);

            Assert.Equal("Postgres", settings["Server:Cluster"]);
            Assert.Equal("postgres", database.Host);
            Assert.Equal(postgres["POSTGRES_DB"], database.Database);
            Assert.Equal(postgres["POSTGRES_USER"], database.Username);
            Assert.Equal(postgres["POSTGRES_PASSWORD"], database.Password);
            Assert.Equal("false", settings["Server:Emulator"]);
            Assert.Equal(TelemetryBrokerMode.External, telemetry.Broker);
            Assert.Equal("mosquitto", telemetry.Host);
            Assert.Contains(telemetry.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), listeners);
            Assert.True(clientIds.Add(telemetry.ClientId), $"{node} reuses the MQTT client id {telemetry.ClientId}");
            groups.Add(telemetry.SharedSubscriptionGroup);
            Assert.Equal("factorytwin", settings["Server:Orleans:ClusterId"]);
            Assert.Equal("factorytwin", settings["Server:Orleans:ServiceId"]);
        }

        Assert.Equal(["factorytwin"], groups);
    }

    [Fact]
    public void Ports_HealthCheckAndPublishedPortOfEachNodeAreItsHttpsPort()
    {
        var published = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in Nodes())
        {
            var port = Settings(node).Options<ServerOptions>(ServerOptions.SectionName).Port;
            var url = Assert.Single(HealthCheck(node), t => t.StartsWith("https://", StringComparison.Ordinal));
            var uri = new Uri(url);

            Assert.Equal(8443, port);
            Assert.Equal(port, uri.Port);
            Assert.Contains(uri.AbsolutePath, ServedHealthPaths);
            Assert.Contains("--fail", HealthCheck(node));
            var mapping = ((string)Assert.Single(List(Service(node), "ports", node))!).Split(':');
            Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), mapping[^1]);
            Assert.True(published.Add(mapping[0]), $"{node} publishes host port {mapping[0]} again");
        }
    }

    [Fact]
    public void Volumes_StateOnNamedVolumesAndEveryBindMountInTheRepositoryOrDocumented()
    {
        var declared = Map(Compose(), "volumes", "compose.yaml").Keys.ToHashSet(StringComparer.Ordinal);
        string[] operatorProvided = ["./mosquitto/passwd"]; // made with mosquitto_passwd, see mosquitto/README.md
        foreach (var service in Services().Keys)
        {
            foreach (var mount in Mounts(service).Select(m => m.Split(':')))
            {
                if (mount[0].StartsWith("./", StringComparison.Ordinal))
                {
                    var host = Path.Combine(Folder, mount[0]);
                    Assert.True(operatorProvided.Contains(mount[0]) || File.Exists(host) || Directory.Exists(host), $"{service} mounts {mount[0]}, which does not exist");
                    Assert.Equal("ro", mount[^1]); // configuration and certificates are read-only in the containers
                }
                else
                {
                    Assert.Contains(mount[0], declared);
                }
            }
        }

        Assert.Contains(Mounts("postgres"), m => m.EndsWith(":/var/lib/postgresql/data", StringComparison.Ordinal) && declared.Contains(m.Split(':')[0]));
        var persistence = Assert.Single(MosquittoSettings(Path.Combine(Folder, "mosquitto", "mosquitto.conf"))["persistence_location"]);
        Assert.Contains(Mounts("mosquitto"), m => m.Split(':')[1].TrimEnd('/') == persistence.TrimEnd('/') && declared.Contains(m.Split(':')[0]));

        // Each node its own data volume at its data folder; the certificate it reads under a mounted folder.
        var dataVolumes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in Nodes())
        {
            var server = Settings(node).Options<ServerOptions>(ServerOptions.SectionName);
            var data = Assert.Single(Mounts(node), m => m.Split(':')[1] == server.DataFolder).Split(':')[0];
            Assert.Contains(data, declared);
            Assert.True(dataVolumes.Add(data), $"{node} shares its data volume");
            Assert.Contains(Mounts(node), m => server.CertificatePath!.StartsWith(m.Split(':')[1] + "/", StringComparison.Ordinal));
        }
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
        var files = new[] { Assert.Single(mqtt["certfile"]), Assert.Single(mqtt["keyfile"]) }.Select(Path.GetFileName)
            .Concat(Nodes().Select(n => Path.GetFileName(Settings(n)["Server:CertificatePath"])));
        Assert.All(files, f => Assert.Contains($"`{f}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Interpolations_EveryVariableIsInTheEnvExample()
    {
        var example = EnvExample();

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
        var targets = Mounts("mosquitto").Select(v => v.Split(':')[1]).ToList();

        foreach (var file in new[] { "password_file", "acl_file", "certfile", "keyfile" }.Select(k => Assert.Single(settings[k])))
        {
            Assert.Contains(targets, t => file == t || file.StartsWith(t.TrimEnd('/') + "/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Mosquitto_HealthCheckSignsInAsTheNodesIngestingUserOnTheirListener()
    {
        var command = HealthCheck("mosquitto")[^1];
        var probe = MosquittoSubPattern().Match(command);
        var node = Settings(Nodes()[0]).Options<TelemetryOptions>(TelemetryOptions.SectionName);

        Assert.True(probe.Success, command);
        Assert.Equal(node.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), probe.Groups["port"].Value);
        Assert.Equal(node.UserName, probe.Groups["user"].Value);
        Assert.Equal(node.Password, Environment("mosquitto")[probe.Groups["password"].Value]);
        // The ACL lets that user read the topic it subscribes to, so the subscription is acknowledged.
        Assert.StartsWith("factorytwin/v1/lakeside/", probe.Groups["topic"].Value, StringComparison.Ordinal);
    }

    [GeneratedRegex("""^mosquitto_sub -h 127\.0\.0\.1 -p (?<port>\d+) -u (?<user>\S+) -P "\$(?<password>[A-Z_]+)" -i \S+ -t (?<topic>\S+) -E -W \d+$""")]
    private static partial Regex MosquittoSubPattern();
}
