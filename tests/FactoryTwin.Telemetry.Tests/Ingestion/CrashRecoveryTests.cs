using System.Collections.Concurrent;
using System.Diagnostics;
using FactoryTwin.Telemetry.Broker;
using FactoryTwin.Telemetry.IngestHost;
using FactoryTwin.Telemetry.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryTwin.Telemetry.Tests.Ingestion;

/// <summary>
/// SIGKILLs a separate ingesting process (FactoryTwin.Telemetry.IngestHost, file store with fsync) during a sustained QoS 1
/// stream through a broker that outlives it, restarts it, and checks that every message the broker acknowledged to the
/// publisher is in the store exactly once.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "factorytwin-crash-" + Guid.NewGuid().ToString("N"));

    public CrashRecoveryTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Ingest_ProcessKilledDuringStream_EveryBrokerAcknowledgedMessageStoredOnceAfterRestart()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new TelemetryOptions { Port = FreePort.Next() };
        await using var broker = new EmbeddedBroker(Microsoft.Extensions.Options.Options.Create(options), NullLogger<EmbeddedBroker>.Instance);
        await broker.StartAsync(ct);
        var storePath = Path.Combine(_folder, "store.tsv");
        const string ClientId = "ingest-crash";

        using (var first = await IngestProcess.StartAsync(storePath, options.Port, ClientId))
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

            using var second = await IngestProcess.StartAsync(storePath, options.Port, ClientId);
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

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

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
            seqs.Add(long.Parse(line.Split('\t')[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        return seqs;
    }

    private sealed class IngestProcess : IDisposable
    {
        private readonly Process _process;
        private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private IngestProcess(Process process) => _process = process;

        public bool WasKilled { get; private set; }

        public static async Task<IngestProcess> StartAsync(string store, int port, string clientId)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "FactoryTwin.Telemetry.IngestHost.dll");
            var start = new ProcessStartInfo("dotnet", ["exec", dll, TestPlants.PathOf("automotive.yaml"), store, port.ToString(System.Globalization.CultureInfo.InvariantCulture), clientId])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException("the ingest host did not start");
            var host = new IngestProcess(process);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data?.Contains("subscribed to", StringComparison.Ordinal) == true)
                {
                    host._subscribed.TrySetResult();
                }
            };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await host._subscribed.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return host;
        }

        /// <summary>SIGKILL: no shutdown code runs, nothing is flushed that was not fsync'ed.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
            WasKilled = true;
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
    }
}
