using System.Diagnostics.Metrics;
using FactoryTwin.Historian;
using FactoryTwin.Telemetry;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;
using FactoryTwin.VirtualPlant;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FactoryTwin.Twin.Tests.Forecasting;

/// <summary>
/// One trial against the virtual plant, as the server runs it: embedded broker, ingestion, DuckDB historian and a
/// co-hosted silo with the twin, fed by the virtual plant (as fast as possible, stamped with plant time). The twin's
/// clock is a fake one set to the plant time of each hold, so time in state and the snapshot instant are plant time.
/// </summary>
internal sealed class LivePlantTrial : IAsyncDisposable
{
    private readonly string _folder;
    private readonly IHost _host;
    private readonly FakeTimeProvider _clock;
    private readonly MeterListener _listener = new();
    private readonly IMeterFactory _meters;
    /// <summary>How long ingestion must be idle, short of what was published, before the rest counts as lost.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    private long _received;
    private long _inFlight;

    private LivePlantTrial(IHost host, string folder, FakeTimeProvider clock, int port)
    {
        _host = host;
        _folder = folder;
        _clock = clock;
        Port = port;
        _meters = host.Services.GetRequiredService<IMeterFactory>();
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public FakeTimeProvider Clock => _clock;

    public static async Task<LivePlantTrial> StartAsync(int replications, ulong forecastSeed, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var warnings = new WarningLog();
        builder.Logging.AddProvider(warnings);
        builder.Services.AddSingleton(TestPlants.Automotive);
        var folder = Path.Combine(Path.GetTempPath(), "ft-twin-forecast-" + Guid.NewGuid().ToString("N"));
        builder.AddHistorian(o => o.DataFolder = Path.Combine(folder, "historian"));
        builder.AddTelemetry(o =>
        {
            o.Port = port;
            o.ClientId = "ingest-forecast";

            // A replay starts at the last Monday 06:00 from which the run ends by now: up to a week and its duration ago.
            o.MaxAge = TimeSpan.FromDays(9);
        });
        var clock = new FakeTimeProvider();
        builder.Services.AddKeyedSingleton<TimeProvider>(TwinOptions.ClockKey, clock);
        // A silo of its own: other test classes run hosts in this process at the same time, and two silos on
        // localhost clustering's default ports would form one cluster.
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort(), FreePort(), null, "trial-" + Guid.NewGuid().ToString("N"), "trial"));
        builder.AddFactoryTwin(o =>
        {
            o.DataFolder = folder;
            o.ForecastReplications = replications;
            o.ForecastSeed = forecastSeed;
        });
        var host = builder.Build();
        var trial = new LivePlantTrial(host, folder, clock, port) { Warnings = warnings };
        trial.Listen();
        await host.StartAsync(cancellationToken);
        return trial;
    }

    public int Port { get; }

    /// <summary>Gets where the virtual plant writes its ground truth.</summary>
    public string GroundTruthFile => Path.Combine(_folder, "ground-truth.jsonl");

    /// <summary>Gets the host's warnings and errors, for the message of a failed trial.</summary>
    public WarningLog Warnings { get; private init; } = new();

    private void Listen()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "FactoryTwin.Telemetry" && ReferenceEquals(instrument.Meter.Scope, _meters)
                && instrument.Name is "factorytwin.telemetry.messages.received" or "factorytwin.telemetry.in_flight")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "factorytwin.telemetry.in_flight")
            {
                Volatile.Write(ref _inFlight, value);
            }
            else
            {
                Interlocked.Add(ref _received, value);
            }
        });
        _listener.Start();
    }

    /// <summary>
    /// Waits until ingestion received every message the plant published and the twin applied them (ingestion
    /// acknowledges after the twin has applied a batch), or until ingestion has been idle for <see cref="Settle"/> short of
    /// that (a message the broker acknowledged and never delivered); returns how many messages never arrived.
    /// </summary>
    public async Task<long> WaitIngestedAsync(VirtualPlantEmulator plant, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromMinutes(2));
        long seen = -1, idleSince = 0;
        while (true)
        {
            _listener.RecordObservableInstruments();
            var status = plant.Status;
            long received = Interlocked.Read(ref _received);
            bool idle = Volatile.Read(ref _inFlight) == 0 && status.Buffered == 0;
            if (idle && received >= status.Published)
            {
                return 0;
            }

            if (!idle || received != seen)
            {
                seen = received;
                idleSince = TimeProvider.System.GetTimestamp();
            }
            else if (TimeProvider.System.GetElapsedTime(idleSince) >= Settle)
            {
                return status.Published - received;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Ingestion received {received} of the {status.Published} messages the virtual plant published ({status.Refused} refused, {status.Buffered} buffered); {Volatile.Read(ref _inFlight)} in flight. Host warnings: {Warnings}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        try
        {
            await _host.StopAsync(CancellationToken.None);
        }
        finally
        {
            _host.Dispose();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }

    private static int FreePort() => FreePorts.Next();
}

/// <summary>Keeps the warnings and errors a trial's host logs.</summary>
internal sealed class WarningLog : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _entries = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public override string ToString() => _entries.IsEmpty ? "none" : string.Join(" | ", _entries.Take(20));

    public void Dispose()
    {
    }

    private sealed class Logger(WarningLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._entries.Enqueue($"{category}: {formatter(state, exception)}");
            }
        }
    }
}
