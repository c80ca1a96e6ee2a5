using System.Diagnostics;
using static FactoryTwin.Server.Tests.Deployment.DeploymentFiles;

namespace FactoryTwin.Server.Tests.Deployment;

/// <summary>
/// deploy/k8s checked offline: no cluster is reachable here, so `kubectl apply --dry-run` cannot run; every document
/// is checked for the fields the API server requires, names and ports are cross-checked, and `kubectl kustomize`
/// builds the set when kubectl is installed.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = PathOf("deploy", "k8s");

    private static List<Dictionary<string, object?>> Documents()
    {
        var kustomization = Assert.Single(YamlDocuments(Path.Combine(Folder, "kustomization.yaml")));
        return [.. List(kustomization, "resources", "kustomization").SelectMany(r => YamlDocuments(Path.Combine(Folder, (string)r!)))];
    }

    private static Dictionary<string, object?> Single(string kind, string? name = null) =>
        Assert.Single(Documents(), d => (string?)d.GetValueOrDefault("kind") == kind && (name is null || Text(Map(d, "metadata", kind), "name", kind) == name));

    private static Dictionary<string, object?> Container()
    {
        var spec = Map(Map(Map(Single("StatefulSet"), "spec", "StatefulSet"), "template", "spec"), "spec", "template");
        return Map(Assert.Single(List(spec, "containers", "pod")), "container");
    }

    private static Dictionary<string, object?> PodSpec() => Map(Map(Map(Single("StatefulSet"), "spec", "StatefulSet"), "template", "spec"), "spec", "template");

    private static Dictionary<string, object?> Config() => Map(Single("ConfigMap", "factorytwin-config"), "data", "ConfigMap");

    private static Dictionary<string, int> ContainerPorts() =>
        List(Container(), "ports", "container").Select(p => Map(p, "port")).ToDictionary(p => Text(p, "name", "port"), p => Convert.ToInt32(p["containerPort"], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    [Fact]
    public void EveryDocument_HasApiVersionKindAndName()
    {
        var documents = Documents();

        Assert.Equal(["ConfigMap", "Namespace", "NetworkPolicy", "PersistentVolumeClaim", "Service", "Service", "StatefulSet"], documents.Select(d => (string)d["kind"]!).Order(StringComparer.Ordinal));
        foreach (var d in documents)
        {
            Assert.False(string.IsNullOrWhiteSpace(Text(d, "apiVersion", "document")));
            Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", Text(Map(d, "metadata", (string)d["kind"]!), "name", "metadata"));
        }
    }

    [Fact]
    public void StatefulSet_SelectorMatchesThePodAndRunsAsTheImagesNonRootUser()
    {
        var spec = Map(Single("StatefulSet"), "spec", "StatefulSet");
        var selector = Map(Map(spec, "selector", "spec"), "matchLabels", "selector");
        var labels = Map(Map(Map(spec, "template", "spec"), "metadata", "template"), "labels", "metadata");
        var security = Map(PodSpec(), "securityContext", "pod");

        Assert.All(selector, kv => Assert.Equal(kv.Value, labels[kv.Key]));
        Assert.Equal("true", security["runAsNonRoot"]);
        Assert.Equal("1654", security["runAsUser"]);
        Assert.Equal("factorytwin-silo", spec["serviceName"]);
        Assert.True(int.Parse((string)spec["replicas"]!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
    }

    [Fact]
    public void Probes_UseHttpsOnTheServerPortAndTheHealthEndpoints()
    {
        var container = Container();
        var ports = ContainerPorts();
        Assert.Equal(int.Parse((string)Config()["Server__Port"]!, System.Globalization.CultureInfo.InvariantCulture), ports["https"]);
        Assert.Equal(int.Parse((string)Config()["Server__Orleans__SiloPort"]!, System.Globalization.CultureInfo.InvariantCulture), ports["silo"]);
        Assert.Equal(int.Parse((string)Config()["Server__Orleans__GatewayPort"]!, System.Globalization.CultureInfo.InvariantCulture), ports["gateway"]);

        foreach (var (probe, path) in new[] { ("startupProbe", "/health/live"), ("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready") })
        {
            var get = Map(Map(container, probe, "container"), "httpGet", probe);
            Assert.Equal(path, get["path"]);
            Assert.Equal("HTTPS", get["scheme"]);
            Assert.Contains((string)get["port"]!, ports.Keys);
        }
    }

    [Fact]
    public void Environment_EveryVariableIsAConfigurationKeyAndSecretsComeFromSecrets()
    {
        var container = Container();
        var env = List(container, "env", "container").Select(e => Map(e, "env")).ToList();
        var names = Config().Keys.Concat(env.Select(e => Text(e, "name", "env"))).ToList();

        Assert.Empty(names.Select(WhyNotAConfigurationKey).OfType<string>());
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        foreach (var secret in new[] { "Server__CertificatePassword", "Server__Orleans__ConnectionString", "Historian__ConnectionString", "Twin__ConnectionString", "Telemetry__Password" })
        {
            Assert.DoesNotContain(secret, Config().Keys);
            var from = Map(Map(env.Single(e => (string)e["name"]! == secret), "valueFrom", secret), "secretKeyRef", secret);
            Assert.Equal("factorytwin-secrets", from["name"]);
        }

        // Each pod its own MQTT client id.
        Assert.Equal("metadata.name", Map(Map(env.Single(e => (string)e["name"]! == "Telemetry__ClientId"), "valueFrom", "env"), "fieldRef", "env")["fieldPath"]);
    }

    [Fact]
    public void Volumes_DataOnAClaimPerPodKeysSharedCertificateFromTheTlsSecret()
    {
        var mounts = List(Container(), "volumeMounts", "container").Select(m => Map(m, "mount")).ToDictionary(m => Text(m, "name", "mount"), m => Text(m, "mountPath", "mount"), StringComparer.Ordinal);
        var volumes = List(PodSpec(), "volumes", "pod").Select(v => Map(v, "volume")).ToDictionary(v => Text(v, "name", "volume"), StringComparer.Ordinal);
        var templates = List(Map(Single("StatefulSet"), "spec", "StatefulSet"), "volumeClaimTemplates", "spec").Select(t => Text(Map(Map(t, "template"), "metadata", "template"), "name", "metadata")).ToList();

        Assert.All(mounts.Keys, m => Assert.True(volumes.ContainsKey(m) || templates.Contains(m), $"volume mount {m} has no volume"));
        Assert.Equal(Config()["Server__DataFolder"], mounts["data"]);
        Assert.Contains("data", templates);
        Assert.Equal(Config()["Server__KeyRingFolder"], mounts["keys"]);
        Assert.Equal("factorytwin-keys", Map(volumes["keys"], "persistentVolumeClaim", "keys")["claimName"]);
        Assert.Equal("ReadWriteMany", Assert.Single(List(Map(Single("PersistentVolumeClaim", "factorytwin-keys"), "spec", "pvc"), "accessModes", "pvc")));
        var certificate = (string)Config()["Server__CertificatePath"]!;
        Assert.StartsWith(mounts["certs"] + "/", certificate, StringComparison.Ordinal);
        Assert.Equal("factorytwin-tls", Map(volumes["certs"], "secret", "certs")["secretName"]);
    }

    [Fact]
    public void Services_TargetNamedContainerPortsOfThePods()
    {
        var ports = ContainerPorts();
        var labels = Map(Map(Map(Map(Single("StatefulSet"), "spec", "StatefulSet"), "template", "spec"), "metadata", "template"), "labels", "metadata");

        foreach (var service in Documents().Where(d => (string)d["kind"]! == "Service"))
        {
            var spec = Map(service, "spec", "Service");
            Assert.All(Map(spec, "selector", "spec"), kv => Assert.Equal(kv.Value, labels[kv.Key]));
            Assert.All(List(spec, "ports", "spec"), p => Assert.Contains((string)Map(p, "port")["targetPort"]!, ports.Keys));
        }
    }

    [Fact]
    public async Task Kustomize_BuildsTheSet()
    {
        var kubectl = new[] { "/usr/bin/kubectl", "/usr/local/bin/kubectl" }.FirstOrDefault(File.Exists);
        Assert.SkipWhen(kubectl is null, "kubectl is not installed");

        using var process = Process.Start(new ProcessStartInfo(kubectl!, ["kustomize", Folder]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, await error);
        Assert.Contains("namespace: factorytwin", await output, StringComparison.Ordinal);
        Assert.Contains("image: registry.example.com/factorytwin:dev", await output, StringComparison.Ordinal);
    }
}
