using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using FactoryTwin.Historian;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Telemetry.Broker;
using FactoryTwin.Telemetry.IngestHost;
using FactoryTwin.Telemetry.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryTwin.Telemetry.Tests.Ingestion;

/// <summary>
/// SIGKILLs a separate ingesting process (FactoryTwin.Telemetry.IngestHost, into a file store with fsync or into the DuckDB
/// historian) during a sustained QoS 1 stream through a broker that outlives it, restarts it, and checks that every
/// message the broker acknowledged to the publisher is in the store exactly once.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "factorytwin-crash-" + Guid.NewGuid().ToString("N"));

    public CrashRecoveryTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Ingest_ProcessKilledDuringStream_EveryBrokerAcknowledgedMessageStoredOnceAfterRestart()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new TelemetryOptions { Port = FreePorts.Next() };
        await using var broker = new EmbeddedBroker(Microsoft.Extensions.Options.Options.Create(options), NullLogger<EmbeddedBroker>.Instance);
        await broker.StartAsync(ct);
        var storePath = Path.Combine(_folder, "store.tsv");
        const string ClientId = "ingest-crash";

        using (var first = await IngestProcess.StartAsync(storePath, "file", options.Port, ClientId))
        {
            await using var gateway = await TestPublisher.ConnectAsync(options.Port, "gw-paint");
            var acknowledged = new ConcurrentBag<long>();
            var t0 = TimeProvider.System.GetUtcNow();
            long next = 0;

            // 32 publishers' worth of QoS 1 messages in flight, as a busy gateway would have.
            async Task PublishUntilAsync(Func<bool> stop)
            {
                var lanes = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
                {
                    while (!stop())
                    {
                        var seq = Interlocked.Increment(ref next);
                        if (await gateway.PublishAsync(Payloads.OvenTopic, Payloads.Measure(seq, t0, ("ecoat-oven-z1-air", 150 + (seq % 50))), ct))
                        {
                            acknowledged.Add(seq);
                        }
                    }
                }, ct));
                await Task.WhenAll(lanes);
            }

            await PublishUntilAsync(() => StoredLines(storePath) >= 1500);
            first.Kill();
            var killedAt = acknowledged.Count;
            await PublishUntilAsync(() => acknowledged.Count >= killedAt + 1500);

            using var second = await IngestProcess.StartAsync(storePath, "file", options.Port, ClientId);
            await PublishUntilAsync(() => acknowledged.Count >= killedAt + 2500);

            var expected = acknowledged.ToHashSet();
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(TimeSpan.FromSeconds(60));
            while (!ReadSeqs(storePath).IsSupersetOf(expected))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cts.Token);
            }

            var lines = File.ReadAllLines(storePath);
            var keys = lines.Select(FileTelemetryStore.KeyOf).ToList();
            Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
            Assert.True(first.WasKilled);
            Assert.True(lines.Length >= expected.Count);
        }
    }

    [Fact]
    public async Task Ingest_ProcessKilledDuringStreamIntoDuckDbHistorian_EveryBrokerAcknowledgedMessageInHistorianOnceAfterRestart()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new TelemetryOptions { Port = FreePorts.Next() };
        await using var broker = new EmbeddedBroker(Microsoft.Extensions.Options.Options.Create(options), NullLogger<EmbeddedBroker>.Instance);
        await broker.StartAsync(ct);
        var historianOptions = new HistorianOptions { DataFolder = _folder, FileName = "historian.duckdb" };
        const string ClientId = "ingest-crash-duckdb";
        var acknowledged = new ConcurrentBag<long>();
        var t0 = TimeProvider.System.GetUtcNow();

        using (var first = await IngestProcess.StartAsync(historianOptions.GetDatabasePath(), "duckdb", options.Port, ClientId))
        {
            await using var gateway = await TestPublisher.ConnectAsync(options.Port, "gw-paint");
            long next = 0;

            // 32 publishers' worth of QoS 1 messages in flight, as a busy gateway would have.
            async Task PublishUntilAsync(Func<bool> stop)
            {
                var lanes = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
                {
                    while (!stop())
                    {
                        var seq = Interlocked.Increment(ref next);
                        if (await gateway.PublishAsync(Payloads.OvenTopic, Payloads.Measure(seq, t0, ("ecoat-oven-z1-air", DegC(seq))), ct))
                        {
                            acknowledged.Add(seq);
                        }
                    }
                }, ct));
                await Task.WhenAll(lanes);
            }

            // The host holds the DuckDB file, so progress comes from its stdout: the seqs of each committed batch.
            await PublishUntilAsync(() => first.CommittedCount >= 1500);
            first.Kill();
            var killedAt = acknowledged.Count;
            await PublishUntilAsync(() => acknowledged.Count >= killedAt + 1500);

            using var second = await IngestProcess.StartAsync(historianOptions.GetDatabasePath(), "duckdb", options.Port, ClientId);
            await PublishUntilAsync(() => acknowledged.Count >= killedAt + 2500);

            var expected = acknowledged.ToHashSet();
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(TimeSpan.FromSeconds(60));
            while (!expected.IsSubsetOf(first.Committed().Union(second.Committed())))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cts.Token);
            }

            // DuckDB lets one process open the file: end the host cleanly (closing its stdin), then read the historian here.
            Assert.Equal(0, await second.StopAsync(ct));
            Assert.True(first.WasKilled);
            var again = first.Committed();
            again.IntersectWith(second.Committed());
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"acknowledged {expected.Count}; committed by the killed host {first.CommittedCount}, by the restarted one {second.CommittedCount}, by both (redelivered) {again.Count}"));
        }

        var acknowledgedSeqs = acknowledged.ToHashSet();
        await using var historian = HistorianFactory.Create(historianOptions);
        var stored = await historian.QueryRangeAsync(new SeriesId("ecoat-oven/ecoat-oven-z1-air"), t0.AddSeconds(-1), t0.AddSeconds(1), ct);
        var seqs = stored.Select(p => p.Seq).ToList();
        Assert.Equal(seqs.Count, seqs.Distinct().Count());
        var missing = acknowledgedSeqs.Except(seqs).Order().ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledgedSeqs.Count} acknowledged messages are not in the historian, e.g. {string.Join(", ", missing.Take(10))}");
        Assert.Equal(stored.Count, (await historian.GetStatisticsAsync(ct)).RawPoints);
        Assert.All(stored, p => Assert.Equal(DegC(p.Seq) + 273.15, p.Value, 1e-9));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The reading (in degC) the publisher sends with a seq.</summary>
    private static double DegC(long seq) => 150 + (seq % 50);

    private static int StoredLines(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var count = 0;
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            count += b == '\n' ? 1 : 0;
        }

        return count;
    }

    private static HashSet<long> ReadSeqs(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var seqs = new HashSet<long>();
        foreach (var line in text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            seqs.Add(long.Parse(line.Split('\t')[2], CultureInfo.InvariantCulture));
        }

        return seqs;
    }

    private sealed class IngestProcess : IDisposable
    {
        private readonly Process _process;
        private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly HashSet<long> _committed = [];
        private readonly Lock _gate = new();

        private IngestProcess(Process process) => _process = process;

        public bool WasKilled { get; private set; }

        /// <summary>Gets how many distinct seqs the host has reported committed.</summary>
        public int CommittedCount
        {
            get
            {
                lock (_gate)
                {
                    return _committed.Count;
                }
            }
        }

        /// <summary>Starts the host on <paramref name="store"/> of kind <c>file</c> or <c>duckdb</c>. Its stdin stays open: closing it ends the host cleanly.</summary>
        public static async Task<IngestProcess> StartAsync(string store, string kind, int port, string clientId)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "FactoryTwin.Telemetry.IngestHost.dll");
            var start = new ProcessStartInfo("dotnet", ["exec", dll, TestPlants.PathOf("automotive.yaml"), store, port.ToString(CultureInfo.InvariantCulture), clientId, kind])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException("the ingest host did not start");
            var host = new IngestProcess(process);
            process.OutputDataReceived += (_, e) => host.OnOutput(e.Data);
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await host._subscribed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return host;
        }

        /// <summary>Gets a copy of the seqs the host has reported committed.</summary>
        public HashSet<long> Committed()
        {
            lock (_gate)
            {
                return [.. _committed];
            }
        }

        /// <summary>SIGKILL: no shutdown code runs, nothing is flushed that was not fsync'ed.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
            WasKilled = true;
        }

        /// <summary>Closes the host's stdin, which stops it gracefully, and returns its exit code.</summary>
        public async Task<int> StopAsync(CancellationToken cancellationToken)
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private void OnOutput(string? line)
        {
            if (line is null)
            {
                return;
            }

            if (line.StartsWith(CommitReportingStore.Prefix + " ", StringComparison.Ordinal))
            {
                lock (_gate)
                {
                    foreach (var seq in line.AsSpan(CommitReportingStore.Prefix.Length + 1).Split(' '))
                    {
                        _committed.Add(long.Parse(line.AsSpan(CommitReportingStore.Prefix.Length + 1)[seq], CultureInfo.InvariantCulture));
                    }
                }
            }
            else if (line.Contains("subscribed to", StringComparison.Ordinal))
            {
                _subscribed.TrySetResult();
            }
        }
    }
}
