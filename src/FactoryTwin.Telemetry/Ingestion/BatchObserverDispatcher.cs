using System.Diagnostics.Metrics;
using FactoryTwin.Model.Telemetry;
using Microsoft.Extensions.Logging;

namespace FactoryTwin.Telemetry.Ingestion;

/// <summary>
/// Hands committed batches to every registered <see cref="ITelemetryBatchObserver"/>. A failing observer is logged
/// (at most once per observer per minute) and counted on <c>factorytwin.telemetry.observer.failures</c>; it never
/// stops ingestion and never un-commits a batch.
/// </summary>
internal sealed partial class BatchObserverDispatcher : IDisposable
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromMinutes(1);
    private readonly ITelemetryBatchObserver[] _observers;
    private readonly long[] _lastLogged;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Meter _meter;
    private readonly Counter<long> _failures;
    private long _failureTotal;

    public BatchObserverDispatcher(IEnumerable<ITelemetryBatchObserver> observers, TimeProvider time, ILogger logger, IMeterFactory? meterFactory = null)
    {
        _observers = [.. observers];
        _lastLogged = new long[_observers.Length];
        Array.Fill(_lastLogged, long.MinValue);
        _time = time;
        _logger = logger;
        _meter = meterFactory?.Create(TelemetryMetrics.MeterName + ".Observers") ?? new Meter(TelemetryMetrics.MeterName + ".Observers");
        _failures = _meter.CreateCounter<long>("factorytwin.telemetry.observer.failures", "{failure}", "Committed batches an observer failed to handle.");
    }

    /// <summary>Gets the number of observer failures since start.</summary>
    public long FailureTotal => Interlocked.Read(ref _failureTotal);

    /// <summary>Gets the number of registered observers.</summary>
    public int Count => _observers.Length;

    public async ValueTask NotifyAsync(TelemetryBatch batch, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _observers.Length; i++)
        {
            var observer = _observers[i];
            try
            {
                await observer.OnCommittedAsync(batch, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _failures.Add(1);
                Interlocked.Increment(ref _failureTotal);
                var now = _time.GetTimestamp();
                if (_lastLogged[i] == long.MinValue || _time.GetElapsedTime(_lastLogged[i], now) >= LogInterval)
                {
                    _lastLogged[i] = now;
                    ObserverFailed(_logger, ex, observer.GetType().Name, batch.Points.Count, batch.Parts.Count);
                }
            }
        }
    }

    public void Dispose() => _meter.Dispose();

    [LoggerMessage(2050, LogLevel.Error, "Telemetry batch observer {Observer} failed on a committed batch of {Points} points and {Parts} part events; ingestion goes on (further failures of this observer are counted but not logged for a minute)")]
    private static partial void ObserverFailed(ILogger logger, Exception exception, string observer, int points, int parts);
}
