using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FactoryTwin.Historian;
using FactoryTwin.Historian.Tests.Postgres;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Server.Cluster;
using FactoryTwin.Server.Security;
using FactoryTwin.Server.Tests.Security;
using FactoryTwin.Server.Tests.TestSupport;
using FactoryTwin.Telemetry.Tests.TestSupport;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace FactoryTwin.Server.Tests.Cluster;

/// <summary>
/// Three real <c>serve</c> processes as one cluster on one PostgreSQL database, ingesting from mosquitto with an MQTT 5
/// shared subscription: users, sessions and devices made on one node hold on the others; a dashboard connection on one
/// node sees the changes of twins active anywhere; after <c>kill -9</c> of a node the others serve its twins, and
/// every message mosquitto accepted reaches the historian exactly once (the killed node's queued messages once it is back).
/// </summary>
[Collection(ClusterProcesses.Name)]
public sealed class ThreeNodeClusterTests(PostgresServerFixture postgres, MosquittoFixture mosquitto)
    : IClassFixture<PostgresServerFixture>, IClassFixture<MosquittoFixture>, IDisposable
{
    private const string AdminPassword = "cluster-admin-password";
    private const string Asset = "ecoat-oven";
    private static readonly string[] Sensors = ["ecoat-oven-z1-air", "ecoat-oven-z2-air", "ecoat-oven-z3-air", "ecoat-oven-z4-air"];
    private const string Topic = "factorytwin/v1/lakeside/paint/ecoat-oven/measure";

    private readonly string _dir = Directory.CreateTempSubdirectory("factorytwin-cluster-").FullName;
    private readonly List<ServeProcess> _nodes = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThreeNodes_OneCluster_ShareSecurityAndLiveFeed_AndSurviveKillOfANode()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Processes are killed with SIGKILL and PostgreSQL/mosquitto come from Debian packages.");
        postgres.RequireServer();
        mosquitto.RequireMosquitto();
        var connectionString = await postgres.CreateSchemaAsync();

        // An administrator and its API token, made as an operator would with a first node; the token works on all nodes.
        var adminToken = await AdminTokenAsync(connectionString, AdminPassword);

        var clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new[] { "a", "b", "c" }.Select(name => Settings(name, connectionString, clusterId)).ToArray();
        // One after the other: on a small machine three silos starting at once starve each other's start-up.
        for (var i = 0; i < settings.Length; i++)
        {
            _nodes.Add(await ServeProcess.StartAsync(Folder(i), settings[i]));
        }

        await Poll.UntilAsync(async ValueTask<bool> (_) => await ActiveSilosAsync(connectionString, clusterId) == 3, TimeSpan.FromSeconds(60), () => "three active silos", Ct);

        using var a = Client(0);
        using var b = Client(1);
        using var c = Client(2);

        // A user created on A signs in on C; C's cookie is good on B (one key ring); a password reset on A ends it on C.
        using (var created = await SendAsync(a, HttpMethod.Post, "api/v1/users", adminToken, new { name = "op-cluster", role = "operator", password = "op-cluster-password-1" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var onC = await SessionTests.SignInAsync(c, "op-cluster", "op-cluster-password-1");
        Assert.Equal(HttpStatusCode.OK, await SessionTests.StatusAsync(c, "api/v1/me", onC));
        Assert.Equal(HttpStatusCode.OK, await SessionTests.StatusAsync(b, "api/v1/me", onC));
        using (var reset = await SendAsync(a, HttpMethod.Put, "api/v1/users/op-cluster/password", adminToken, new { password = "op-cluster-password-2" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await SessionTests.StatusAsync(c, "api/v1/me", onC));

        // Signing out on A ends a session made on C.
        var again = await SessionTests.SignInAsync(c, "op-cluster", "op-cluster-password-2");
        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "account/signout"))
        {
            signOut.Headers.Add("Cookie", again);
            using var response = await a.SendAsync(signOut, Ct);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await SessionTests.StatusAsync(c, "api/v1/me", again));

        // A device password issued on A is listed on C.
        using (var device = await SendAsync(a, HttpMethod.Post, "api/v1/devices", adminToken, new { id = "gw-paint" }))
        {
            Assert.True(device.IsSuccessStatusCode, await device.Content.ReadAsStringAsync(Ct));
        }

        using (var devices = await SendAsync(c, HttpMethod.Get, "api/v1/devices", adminToken))
        {
            Assert.Contains("gw-paint", await devices.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // A what-if asked of node B runs its replications on the three nodes and equals, bit for bit, the same seed run
        // here in one process.
        const string Scenario = "apiVersion: factorytwin/v1\nkind: WhatIf\nname: bigger\nchanges:\n  - buffer: framing-merge\n    capacity: 8\n";
        var local = FactoryTwin.Analytics.WhatIf.WhatIfRunner.Run(
            TestPlants.Automotive,
            [FactoryTwin.Analytics.WhatIf.WhatIfScenarioLoader.Parse(Scenario, TestPlants.Automotive, "scenario 1").Scenario!],
            new FactoryTwin.Analytics.WhatIf.WhatIfOptions { Replications = 30, Seed = 11, WarmUp = 0, Duration = 3600 },
            cancellationToken: Ct);
        using (var whatIf = await SendAsync(b, HttpMethod.Post, "api/v1/whatif", adminToken, new { scenarios = new[] { Scenario }, replications = 30, seed = 11, durationSeconds = 3600, warmUpSeconds = 0 }))
        {
            var body = await whatIf.Content.ReadAsStringAsync(Ct);
            Assert.True(whatIf.StatusCode == HttpStatusCode.OK, body);
            using var run = JsonDocument.Parse(body);
            var differences = run.RootElement.GetProperty("scenarios")[0].GetProperty("differences").EnumerateArray().ToList();
            Assert.Equal(local.Scenarios[0].Differences.Select(d => d.Kpi), differences.Select(d => d.GetProperty("kpi").GetString()));
            for (var k = 0; k < differences.Count; k++)
            {
                var here = local.Scenarios[0].Differences[k];
                foreach (var (name, value) in new[] { ("baseline", here.Baseline), ("scenario", here.Scenario), ("difference", here.Difference), ("halfWidth", here.HalfWidth) })
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(differences[k].GetProperty(name).GetDouble()));
                }
            }
        }

        // Dashboard connections on B and C both see the oven's changes: its twin is active on one node only, so at least
        // one of them gets them relayed from another node.
        var states = new ConcurrentQueue<JsonElement>();
        var statesOnB = new ConcurrentQueue<JsonElement>();
        await using var hub = Hub(c, 2, adminToken, states);
        await using var hubOnB = Hub(b, 1, adminToken, statesOnB);
        await hub.StartAsync(Ct);
        await hubOnB.StartAsync(Ct);
        var t0 = TimeProvider.System.GetUtcNow().AddMinutes(-2);
        var published = new List<(long Seq, byte[] Payload)>();
        await using (var device = await RawGateway.ConnectAsync(mosquitto.Port, "gw-paint", namesItself: true))
        {
            var first = Messages(1, 400, t0, value: 150);
            Assert.True(await device.PublishAsync(Topic, first));
            published.AddRange(first);
        }

        await Poll.UntilAsync(
            () => states.Any(s => IsOvenAt(s, 150)) && statesOnB.Any(s => IsOvenAt(s, 150)),
            TimeSpan.FromSeconds(30),
            () => $"the oven at 150 °C on C and B; C got {states.Count} state messages, B {statesOnB.Count}; last on C: {states.LastOrDefault()}",
            Ct);

        // kill -9 node A. The others take its twins: the oven's new values show on C and B.
        var killedAt = TimeProvider.System.GetTimestamp();
        _nodes[0].Kill();
        await _nodes[0].WaitForExitAsync(TimeSpan.FromSeconds(10));

        // The survivors declare it dead (Orleans probes); from then on its twins activate on them at the next call.
        await Poll.UntilAsync(async ValueTask<bool> (_) => await ActiveSilosAsync(connectionString, clusterId) == 2, TimeSpan.FromSeconds(60), () => "node A declared dead", Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"node A declared dead {TimeProvider.System.GetElapsedTime(killedAt).TotalSeconds:F1} s after the kill"));
        await using (var device = await RawGateway.ConnectAsync(mosquitto.Port, "gw-paint", namesItself: true))
        {
            // Ten numbers the publisher never sends: the nodes share the publisher's stream, so only the cluster's
            // shared sequence window can tell that they are missing rather than taken by another node.
            var second = Messages(401, 600, t0, value: 175).Concat(Messages(611, 800, t0, value: 175)).ToList();
            Assert.True(await device.PublishAsync(Topic, second));
            published.AddRange(second);
        }

        await Poll.UntilAsync(() => states.Any(s => IsOvenAt(s, 175)) && statesOnB.Any(s => IsOvenAt(s, 175)), TimeSpan.FromSeconds(60), cancellationToken: Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"the oven's change after the kill reached node C's dashboard feed {TimeProvider.System.GetElapsedTime(killedAt).TotalSeconds:F1} s after the kill"));
        using (var state = await SendAsync(b, HttpMethod.Get, $"api/v1/assets/{Asset}/state", adminToken))
        {
            Assert.Equal(HttpStatusCode.OK, state.StatusCode);
        }

        // A comes back on its data folder and MQTT session: what mosquitto held for it is stored too, and nothing twice.
        _nodes[0].Dispose();
        _nodes[0] = await ServeProcess.StartAsync(Folder(0), settings[0]);
        var expected = published.Count * Sensors.Length;
        var storedNow = new List<(string Sensor, long Seq)>();
        await Poll.UntilAsync(
            async ValueTask<bool> (_) => (storedNow = await StoredAsync(connectionString, t0)).Count >= expected,
            TimeSpan.FromSeconds(60),
            () => $"{expected} points stored, not {storedNow.Count}; missing seqs of {Sensors[0]}: "
                + string.Join(',', published.Select(p => p.Seq).Except(storedNow.Where(x => x.Sensor == Sensors[0]).Select(x => x.Seq)).Take(40)),
            Ct);
        var stored = await StoredAsync(connectionString, t0);
        Assert.Equal(expected, stored.Count);
        Assert.Equal(expected, stored.Distinct().Count());

        // Gaps are decided once the window has seen later numbers for a few seconds: the publisher goes on, and the
        // three nodes together count exactly the ten numbers it skipped (each node alone would count hundreds). What A's
        // broker held for it may come back after the window settled without it: those numbers are counted as gaps and
        // then as late, so gaps minus late is the ten.
        await using (var device = await RawGateway.ConnectAsync(mosquitto.Port, "gw-paint", namesItself: true))
        {
            foreach (var seq in Enumerable.Range(801, 8))
            {
                Assert.True(await device.PublishAsync(Topic, Messages(seq, seq, t0, value: 176)));
                await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, Ct);
            }
        }

        var counted = new SequenceCounts(0, 0, 0);
        await Poll.UntilAsync(
            async ValueTask<bool> (_) => (counted = await ClusterSequenceCountsAsync(adminToken)).Missing == 10,
            TimeSpan.FromSeconds(30),
            () => $"10 numbers missing over the three nodes (gaps minus late), not {counted}",
            Ct);
        await Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System, Ct);
        counted = await ClusterSequenceCountsAsync(adminToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"sequence counts over the three nodes: {counted}");
        Assert.Equal(10, counted.Missing);
        Assert.True(counted.Gaps >= 10, counted.ToString());
    }

    /// <summary>The sequence gaps, late numbers and redeliveries the three nodes counted, summed from their Prometheus endpoints.</summary>
    private async Task<SequenceCounts> ClusterSequenceCountsAsync(string token)
    {
        long gaps = 0;
        long late = 0;
        long redelivered = 0;
        for (var node = 0; node < _nodes.Count; node++)
        {
            using var client = Client(node);
            using var response = await SendAsync(client, HttpMethod.Get, "metrics", token);
            var text = await response.Content.ReadAsStringAsync(Ct);
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith("factorytwin_telemetry_sequence_gaps", StringComparison.Ordinal))
                {
                    gaps += MetricValue(line);
                }
                else if (line.StartsWith("factorytwin_telemetry_sequence_late", StringComparison.Ordinal))
                {
                    late += MetricValue(line);
                }
                else if (line.StartsWith("factorytwin_telemetry_sequence_redelivered", StringComparison.Ordinal))
                {
                    redelivered += MetricValue(line);
                }
            }
        }

        return new SequenceCounts(gaps, late, redelivered);

        // name{labels} value [timestamp]
        static long MetricValue(string line) => (long)double.Parse(
            line[(Math.Max(line.LastIndexOf('}'), line.IndexOf(' ', StringComparison.Ordinal) - 1) + 2)..].Split(' ')[0],
            CultureInfo.InvariantCulture);
    }

    private sealed record SequenceCounts(long Gaps, long Late, long Redelivered)
    {
        public long Missing => Gaps - Late;
    }

    public void Dispose() => StopNodes(_nodes, _dir);

    /// <summary>Stops the nodes (their output goes to the test's output) and deletes their folders.</summary>
    internal static void StopNodes(IEnumerable<ServeProcess> nodes, string dir)
    {
        foreach (var node in nodes)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(node.Output.Text);
            node.Dispose();
        }

        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }
    }

    private Dictionary<string, string> Settings(string node, string connectionString, string clusterId) =>
        NodeSettings(node, connectionString, clusterId, mosquitto.Port, "factorytwin");

    /// <summary>Brings a fresh database to the cluster schema and makes an administrator with an API token in it.</summary>
    internal static async Task<string> AdminTokenAsync(string connectionString, string password)
    {
        await ClusterSchema.ApplyAsync(connectionString, Ct);
        using var database = new ClusterDatabase(connectionString);
        var store = new PostgresSecurityStore(database, TimeProvider.System);
        store.TryAddUser("admin", Role.Admin, password, null, out _);
        return store.IssueToken("admin", "cluster test", Role.Admin, null).Token;
    }

    /// <summary>The settings of one cluster node: PostgreSQL, mosquitto shared by <paramref name="group"/>, no emulator.</summary>
    internal static Dictionary<string, string> NodeSettings(string node, string connectionString, string clusterId, int brokerPort, string group) => ServeProcess.Settings(
        ("Server__Cluster", "Postgres"),
        ("Server__ClusterConnectionString", connectionString),
        ("Server__Orleans__ClusterId", clusterId),
        ("Server__Orleans__ServiceId", clusterId),
        ("Server__Emulator", "false"),
        ("Server__ApiRequestsPerMinute", "1000000"),
        ("Telemetry__Broker", "External"),
        ("Telemetry__Port", brokerPort.ToString(CultureInfo.InvariantCulture)),
        ("Telemetry__ClientId", "factorytwin-" + node),
        ("Telemetry__SharedSubscriptionGroup", group),
        ("Historian__MaintenanceIntervalMinutes", "0"));

    /// <summary>The settings of one cluster node with its own embedded broker (no external one), no emulator, plus <paramref name="extra"/>.</summary>
    internal static Dictionary<string, string> EmbeddedBrokerNodeSettings(string connectionString, string clusterId, params (string Key, string Value)[] extra) => ServeProcess.Settings(
        [
            ("Server__Cluster", "Postgres"),
            ("Server__ClusterConnectionString", connectionString),
            ("Server__Orleans__ClusterId", clusterId),
            ("Server__Orleans__ServiceId", clusterId),
            ("Server__Emulator", "false"),
            ("Historian__MaintenanceIntervalMinutes", "0"),
            .. extra,
        ]);

    /// <summary>A client of a node that trusts exactly that node's self-signed certificate.</summary>
    internal static HttpClient NodeClient(string folder, Uri url)
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
            Path.Combine(folder, "data", "server.pfx"), null);
        var thumbprint = certificate.Thumbprint;
        var handler = new HttpClientHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == thumbprint,
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = url };
    }

    private string Folder(int node)
    {
        var folder = Path.Combine(_dir, "node-" + node.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private HttpClient Client(int node) => NodeClient(Folder(node), _nodes[node].Url!);

    private HubConnection Hub(HttpClient client, int node, string token, ConcurrentQueue<JsonElement> states)
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
            Path.Combine(Folder(node), "data", "server.pfx"), null);
        var thumbprint = certificate.Thumbprint;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(client.BaseAddress!, "hubs/twin"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.HttpMessageHandlerFactory = _ => new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == thumbprint,
                };
            })
            .Build();
        connection.On<JsonElement>("state", states.Enqueue);
        return connection;
    }

    // The twin keeps SI values: a temperature published in °C is held in kelvin.
    private static bool IsOvenAt(JsonElement state, double celsius) =>
        state.TryGetProperty("asset", out var asset) && asset.GetString() == Asset
        && state.TryGetProperty("measurements", out var measurements) && measurements.ValueKind == JsonValueKind.Array
        && measurements.EnumerateArray().Any(m => m.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number
            && (Math.Abs(v.GetDouble() - celsius) < 1e-6 || Math.Abs(v.GetDouble() - (celsius + 273.15)) < 1e-6));

    private static List<(long Seq, byte[] Payload)> Messages(int from, int to, DateTimeOffset t0, double value) =>
        [.. Enumerable.Range(from, to - from + 1).Select(seq => ((long)seq, Payload(seq, t0.AddMilliseconds(seq * 10), value)))];

    private static byte[] Payload(long seq, DateTimeOffset ts, double value) => System.Text.Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"ts":"{{ts.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}}","seq":{{seq}},"values":[{{string.Join(',', Sensors.Select(s => $$"""{"sensor":"{{s}}","value":{{value}}}"""))}}]}"""));

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request, Ct);
    }

    internal static async Task<long> ActiveSilosAsync(string connectionString, string clusterId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleans_membership_silo WHERE deployment_id = @d AND status = 3", connection);
        command.Parameters.AddWithValue("d", clusterId);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<List<(string Sensor, long Seq)>> StoredAsync(string connectionString, DateTimeOffset t0)
    {
        await using var historian = HistorianFactory.Create(new HistorianOptions { Provider = HistorianProvider.Postgres, ConnectionString = connectionString });
        var stored = new List<(string Sensor, long Seq)>();
        foreach (var sensor in Sensors)
        {
            var points = await historian.QueryRangeAsync(new SeriesId(Asset + "/" + sensor), t0, t0.AddMinutes(10), Ct);
            stored.AddRange(points.Select(p => (sensor, p.Seq)));
        }

        return stored;
    }
}
