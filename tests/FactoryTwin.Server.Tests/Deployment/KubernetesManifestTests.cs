using System.Diagnostics;
using System.Globalization;
using FactoryTwin.Telemetry;
using static FactoryTwin.Server.Tests.Deployment.DeploymentFiles;

namespace FactoryTwin.Server.Tests.Deployment;

/// <summary>
/// deploy/kubernetes checked offline. There is no cluster here, and `kubectl apply --dry-run=client` needs one (it asks
/// the API server which resources exist), so: the manifests are parsed and cross-checked — names, selectors, ports,
/// probes, security, volumes, secrets — and every node setting is bound to the server's options types; and, when
/// kubectl is on PATH, `kubectl kustomize` builds the set as `kubectl apply -k` would.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = PathOf("deploy", "kubernetes");

    private static Dictionary<string, object?> Kustomization() => Assert.Single(YamlDocuments(Path.Combine(Folder, "kustomization.yaml")));

    private static List<Dictionary<string, object?>> Documents() =>
        [.. List(Kustomization(), "resources", "kustomization").SelectMany(r => YamlDocuments(Path.Combine(Folder, (string)r!)))];

    private static Dictionary<string, object?> Single(string kind, string? name = null) =>
        Assert.Single(Documents(), d => (string?)d.GetValueOrDefault("kind") == kind && (name is null || Text(Map(d, "metadata", kind), "name", kind) == name));

    private static Dictionary<string, object?> StatefulSetSpec() => Map(Single("StatefulSet"), "spec", "StatefulSet");

    private static Dictionary<string, object?> PodTemplate() => Map(StatefulSetSpec(), "template", "spec");

    private static Dictionary<string, object?> PodSpec() => Map(PodTemplate(), "spec", "template");

    private static Dictionary<string, object?> Container() => Map(Assert.Single(List(PodSpec(), "containers", "pod")), "container");

    private static Dictionary<string, object?> Config() => Map(Single("ConfigMap", "factorytwin-config"), "data", "ConfigMap");

    private static List<Dictionary<string, object?>> Env() => [.. List(Container(), "env", "container").Select(e => Map(e, "env"))];

    private static Dictionary<string, int> ContainerPorts() =>
        List(Container(), "ports", "container").Select(p => Map(p, "port"))
            .ToDictionary(p => Text(p, "name", "port"), p => int.Parse(Text(p, "containerPort", "port"), CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>The secret generators of the kustomization: name → the keys it makes (from the committed example for an env file).</summary>
    private static Dictionary<string, HashSet<string>> GeneratedSecrets() =>
        List(Kustomization(), "secretGenerator", "kustomization").Select(g => Map(g, "secretGenerator")).ToDictionary(
            g => Text(g, "name", "secretGenerator"),
            g => (g.ContainsKey("envs")
                    ? List(g, "envs", "secretGenerator").SelectMany(e => EnvFile(Path.Combine(Folder, (string)e! + ".example")).Keys)
                    : List(g, "files", "secretGenerator").Select(f => Path.GetFileName((string)f!)))
                .ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>
    /// The variables a pod receives, with the values it would see: the ConfigMap's, the secrets' from the committed
    /// example, and representative values for the pod's own fields.
    /// </summary>
    private static ConfigurationCheck.Result Settings()
    {
        var examples = List(Kustomization(), "secretGenerator", "kustomization").Select(g => Map(g, "secretGenerator"))
            .Where(g => g.ContainsKey("envs"))
            .SelectMany(g => List(g, "envs", "secretGenerator").SelectMany(e => EnvFile(Path.Combine(Folder, (string)e! + ".example"))))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["metadata.name"] = "factorytwin-0", ["status.podIP"] = "10.1.2.3" };
        var variables = Config().ToDictionary(kv => kv.Key, kv => (string)kv.Value!, StringComparer.Ordinal);
        foreach (var e in Env())
        {
            var name = Text(e, "name", "env");
            Assert.False(variables.ContainsKey(name), $"{name} is set twice (ConfigMap and env)");
            if (e.TryGetValue("value", out var value))
            {
                variables[name] = (string)value!;
                continue;
            }

            var from = Map(e, "valueFrom", name);
            variables[name] = from.TryGetValue("secretKeyRef", out var secret)
                ? examples[Text(Map(secret, name), "key", name)]
                : fields[Text(Map(from, "fieldRef", name), "fieldPath", name)];
        }

        return ConfigurationCheck.Check(variables);
    }

    [Fact]
    public void EveryDocument_HasApiVersionKindAndAValidName()
    {
        var documents = Documents();

        Assert.Equal(
            ["ConfigMap", "Namespace", "NetworkPolicy", "PodDisruptionBudget", "Service", "Service", "StatefulSet"],
            documents.Select(d => (string)d["kind"]!).Order(StringComparer.Ordinal));
        foreach (var d in documents)
        {
            Assert.Matches(@"^([a-z0-9.-]+/)?v[0-9]+((alpha|beta)[0-9]+)?$", Text(d, "apiVersion", "document"));
            Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", Text(Map(d, "metadata", (string)d["kind"]!), "name", "metadata"));
        }
    }

    [Fact]
    public void Environment_EveryVariableBindsToTheServersOptions()
    {
        var settings = Settings();

        Assert.Empty(settings.Problems);
    }

    [Fact]
    public void Environment_ClusterModeWithSecretsFromTheGeneratedSecretsAndAClientIdPerPod()
    {
        var settings = Settings();
        var generated = GeneratedSecrets();

        Assert.Equal("Postgres", settings["Server:Cluster"]);
        Assert.Equal(TelemetryBrokerMode.External, settings.Options<TelemetryOptions>(TelemetryOptions.SectionName).Broker);
        Assert.False(string.IsNullOrEmpty(settings["Telemetry:SharedSubscriptionGroup"]));
        foreach (var secret in new[] { "Server__ClusterConnectionString", "Telemetry__Password", "Server__CertificatePassword" })
        {
            Assert.DoesNotContain(secret, Config().Keys);
            var from = Map(Map(Env().Single(e => (string)e["name"]! == secret), "valueFrom", secret), "secretKeyRef", secret);
            Assert.Contains(Text(from, "key", secret), generated[Text(from, "name", secret)]);
        }

        var fieldOf = Env().Where(e => e.ContainsKey("valueFrom") && Map(e, "valueFrom", "env").ContainsKey("fieldRef"))
            .ToDictionary(e => (string)e["name"]!, e => Text(Map(Map(e, "valueFrom", "env"), "fieldRef", "env"), "fieldPath", "fieldRef"), StringComparer.Ordinal);
        Assert.Equal("metadata.name", fieldOf["Telemetry__ClientId"]);
        Assert.Equal("status.podIP", fieldOf["Server__Orleans__AdvertisedAddress"]);
    }

    [Fact]
    public void Probes_UseHttpsOnTheServersPortAndPathsTheServerServes()
    {
        var settings = Settings();
        var server = settings.Options<ServerOptions>(ServerOptions.SectionName);
        var ports = ContainerPorts();

        Assert.Equal(server.Port, ports["https"]);
        Assert.Equal(settings.Port("Server:Orleans:SiloPort", new OrleansHostingOptions().SiloPort), ports["silo"]);
        Assert.Equal(settings.Port("Server:Orleans:GatewayPort", new OrleansHostingOptions().GatewayPort), ports["gateway"]);
        Assert.NotEqual("127.0.0.1", server.Host); // the kubelet and the Service reach the pod's address, not its loopback
        foreach (var (probe, path) in new[] { ("startupProbe", "/health/live"), ("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready") })
        {
            var get = Map(Map(Container(), probe, "container"), "httpGet", probe);
            Assert.Equal(path, get["path"]);
            Assert.Contains(path, ServedHealthPaths);
            Assert.Equal("HTTPS", get["scheme"]);
            Assert.Equal("https", get["port"]);
        }
    }

    [Fact]
    public void Pod_RunsAsTheImagesNonRootUserWithLimitsAndNoPrivileges()
    {
        var pod = Map(PodSpec(), "securityContext", "pod");
        var container = Map(Container(), "securityContext", "container");
        var resources = Map(Container(), "resources", "container");

        Assert.Equal("true", pod["runAsNonRoot"]);
        Assert.Equal("1654", pod["runAsUser"]); // $APP_UID of the runtime image, the Dockerfile's USER
        Assert.Equal("1654", pod["fsGroup"]);
        Assert.Equal("false", container["allowPrivilegeEscalation"]);
        Assert.Equal(["ALL"], List(Map(container, "capabilities", "securityContext"), "drop", "capabilities"));
        foreach (var bound in new[] { "requests", "limits" })
        {
            Assert.Equal(["cpu", "memory"], Map(resources, bound, "resources").Keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Volumes_DataOnAClaimPerPodCertificateFromTheGeneratedTlsSecret()
    {
        var server = Settings().Options<ServerOptions>(ServerOptions.SectionName);
        var mounts = List(Container(), "volumeMounts", "container").Select(m => Map(m, "mount")).ToDictionary(m => Text(m, "name", "mount"), m => Text(m, "mountPath", "mount"), StringComparer.Ordinal);
        var volumes = List(PodSpec(), "volumes", "pod").Select(v => Map(v, "volume")).ToDictionary(v => Text(v, "name", "volume"), StringComparer.Ordinal);
        var templates = List(StatefulSetSpec(), "volumeClaimTemplates", "spec").Select(t => Text(Map(Map(t, "template"), "metadata", "template"), "name", "metadata")).ToList();

        Assert.All(mounts.Keys, m => Assert.True(volumes.ContainsKey(m) ^ templates.Contains(m), $"volume mount {m} has no (single) volume"));
        Assert.Equal(server.DataFolder, mounts["data"]);
        Assert.Contains("data", templates);
        Assert.Equal(mounts["certs"] + "/" + Path.GetFileName(server.CertificatePath), server.CertificatePath);
        var certs = Map(volumes["certs"], "secret", "certs");
        Assert.Contains(Text(Map(Assert.Single(List(certs, "items", "certs")), "item"), "key", "item"), GeneratedSecrets()[Text(certs, "secretName", "certs")]);
        Assert.Equal("true", Map(Container(), "securityContext", "container")["readOnlyRootFilesystem"]);
        Assert.Equal("/tmp", mounts["tmp"]); // the root file system is read-only
    }

    [Fact]
    public void Services_SelectThePodsAndTargetItsNamedPortsWithAHeadlessServiceForTheStatefulSet()
    {
        var ports = ContainerPorts();
        var labels = Map(Map(PodTemplate(), "metadata", "template"), "labels", "metadata");
        var selector = Map(Map(StatefulSetSpec(), "selector", "spec"), "matchLabels", "selector");

        Assert.All(selector, kv => Assert.Equal(kv.Value, labels[kv.Key]));
        foreach (var service in Documents().Where(d => (string)d["kind"]! == "Service"))
        {
            var spec = Map(service, "spec", "Service");
            Assert.All(Map(spec, "selector", "spec"), kv => Assert.Equal(kv.Value, labels[kv.Key]));
            Assert.All(List(spec, "ports", "spec"), p => Assert.Contains((string)Map(p, "port")["targetPort"]!, ports.Keys));
        }

        var headless = Map(Single("Service", Text(StatefulSetSpec(), "serviceName", "StatefulSet")), "spec", "Service");
        Assert.Equal("None", headless["clusterIP"]);
        Assert.Contains(List(headless, "ports", "headless"), p => (string)Map(p, "port")["targetPort"]! == "silo");
        Assert.True(int.Parse((string)StatefulSetSpec()["replicas"]!, CultureInfo.InvariantCulture) >= 2);
        Assert.Equal(selector, Map(Map(Map(Single("PodDisruptionBudget"), "spec", "PodDisruptionBudget"), "selector", "spec"), "matchLabels", "selector"));
    }

    [Fact]
    public void Secrets_OnlyTheReadmeAndTheExampleAreCommitted()
    {
        var ignore = File.ReadAllLines(Path.Combine(Folder, "secrets", ".gitignore"));

        Assert.Equal(["*", "!.gitignore", "!README.md", "!secrets.env.example"], ignore);
        foreach (var (_, keys) in GeneratedSecrets())
        {
            Assert.All(keys, k => Assert.Contains($"`{k}`", File.ReadAllText(Path.Combine(Folder, "secrets", "README.md")), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Kustomize_WithTheSecretFiles_BuildsTheSetInItsNamespaceWithTheGeneratedSecretsReferenced()
    {
        var kubectl = OnPath("kubectl");
        Assert.SkipWhen(kubectl is null, "kubectl is not on PATH: `kubectl kustomize deploy/kubernetes` was not run (the manifests are still checked above).");
        var copy = CopyWithoutSecrets();
        try
        {
            File.Copy(Path.Combine(copy, "secrets", "secrets.env.example"), Path.Combine(copy, "secrets", "secrets.env"));
            await File.WriteAllBytesAsync(Path.Combine(copy, "secrets", "server.pfx"), [0x30, 0x82], TestContext.Current.CancellationToken);

            var (exitCode, output, error) = await RunAsync(kubectl!, "kustomize", copy);

            Assert.True(exitCode == 0, error);
            var built = YamlDocuments(new StringReader(output), "kubectl kustomize");
            var name = (Dictionary<string, object?> d) => Text(Map(d, "metadata", "object"), "name", "metadata");
            Assert.All(built.Where(d => (string)d["kind"]! != "Namespace"), d => Assert.Equal("factorytwin", Text(Map(d, "metadata", "object"), "namespace", name(d))));
            Assert.All(built, d => Assert.Equal("factorytwin", Map(Map(d, "metadata", "object"), "labels", name(d))["app.kubernetes.io/part-of"]));
            var secrets = built.Where(d => (string)d["kind"]! == "Secret").Select(name).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(2, secrets.Count);
            Assert.All(secrets, s => Assert.Matches("^factorytwin-(secrets|tls)-[a-z0-9]{10}$", s));

            // The pods refer to the generated names (hash suffix), so `kubectl apply -k` creates what they mount.
            var pod = Map(Map(Map(built.Single(d => (string)d["kind"]! == "StatefulSet"), "spec", "StatefulSet"), "template", "spec"), "spec", "template");
            var container = Map(Assert.Single(List(pod, "containers", "pod")), "container");
            var referenced = List(container, "env", "container").Select(e => Map(e, "env"))
                .Where(e => e.ContainsKey("valueFrom") && Map(e, "valueFrom", "env").ContainsKey("secretKeyRef"))
                .Select(e => Text(Map(Map(e, "valueFrom", "env"), "secretKeyRef", "env"), "name", "secretKeyRef"))
                .Concat(List(pod, "volumes", "pod").Select(v => Map(v, "volume")).Where(v => v.ContainsKey("secret")).Select(v => Text(Map(v, "secret", "volume"), "secretName", "secret")))
                .ToHashSet(StringComparer.Ordinal);
            Assert.Equal(secrets, referenced);
            Assert.Equal("registry.example.com/factorytwin:dev", container["image"]);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task Kustomize_WithoutTheSecretFiles_FailsNamingTheMissingFile()
    {
        var kubectl = OnPath("kubectl");
        Assert.SkipWhen(kubectl is null, "kubectl is not on PATH: `kubectl kustomize deploy/kubernetes` was not run.");
        var copy = CopyWithoutSecrets();
        try
        {
            var (exitCode, _, error) = await RunAsync(kubectl!, "kustomize", copy);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("secrets.env", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>A copy of deploy/kubernetes with only the committed files of secrets/ (whatever a developer keeps there).</summary>
    private static string CopyWithoutSecrets()
    {
        var copy = Directory.CreateTempSubdirectory("factorytwin-kubernetes-").FullName;
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Folder, file);
            if (relative.StartsWith("secrets" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && Path.GetFileName(relative) is not (".gitignore" or "README.md" or "secrets.env.example"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative));
        }

        return copy;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
