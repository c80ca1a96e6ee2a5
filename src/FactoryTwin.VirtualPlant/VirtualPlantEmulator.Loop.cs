using FactoryTwin.Model.Ids;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.VirtualPlant.Publishing;
using FactoryTwin.VirtualPlant.Scenarios;

namespace FactoryTwin.VirtualPlant;

/// <summary>The pacing loop: simulation steps, sensor samples, batches and disturbances in simulated-time order.</summary>
public sealed partial class VirtualPlantEmulator
{
    private async Task SimulateAsync(long wallStart, CancellationToken cancellationToken)
    {
        var run = _run!;
        double end = _options.Duration ?? double.PositiveInfinity;
        double sampleEvery = _options.SampleInterval, batchEvery = _options.BatchInterval;
        double nextSample = _signals.Count > 0 ? 0 : double.PositiveInfinity;
        double nextBatch = _signals.Count > 0 ? batchEvery : double.PositiveInfinity;
        while (_simNow < end)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double elapsed = _time.GetElapsedTime(wallStart).TotalSeconds;
            double target = _options.Speed > 0
                ? elapsed * _options.Speed
                : _options.Duration is null ? Math.Min(_simNow + FastStep, (elapsed + 1) * VirtualPlantOptions.MaxPacedSpeed) : _simNow + FastStep;
            target = Math.Min(Math.Min(target, end), Volatile.Read(ref _holdAt));
            if (target > _simNow)
            {
                while (true)
                {
                    double disturbance = NextDisturbanceTime();
                    double due = Math.Min(Math.Min(nextSample, nextBatch), disturbance);
                    if (due > target || due >= end)
                    {
                        break;
                    }

                    run.AdvanceTo(due);
                    if (due == nextBatch)
                    {
                        FlushBatches(due);
                        nextBatch += batchEvery;
                    }
                    else if (due == disturbance)
                    {
                        InjectNext(due);
                    }
                    else
                    {
                        Sample(due);
                        nextSample += sampleEvery;
                    }
                }

                run.AdvanceTo(target);
                Volatile.Write(ref _simNow, target);
            }

            if (_simNow >= end)
            {
                break;
            }

            if (_simNow >= Volatile.Read(ref _holdAt))
            {
                await HoldAsync(cancellationToken);
                continue;
            }

            if (_options.Speed > 0)
            {
                await WallDelay.For(Tick, _time, cancellationToken);
            }
            else
            {
                await BackpressureAsync(cancellationToken);
            }
        }

        FlushBatches(_simNow);
    }

    /// <summary>Publishes everything up to now, reports the hold and waits for <see cref="Resume"/>.</summary>
    private async Task HoldAsync(CancellationToken cancellationToken)
    {
        FlushBatches(_simNow);
        foreach (var p in _publishers.Values)
        {
            await p.DrainAsync(cancellationToken);
        }

        TaskCompletionSource<DateTimeOffset> held;
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_holdGate)
        {
            held = _held!;
            _held = null;
            _resume = resume;
            Volatile.Write(ref _holdAt, double.PositiveInfinity);
        }

        held.TrySetResult(_simOrigin.AddTicks((long)(_simNow * TimeSpan.TicksPerSecond)));
        await resume.Task.WaitAsync(cancellationToken);
    }

    /// <summary>As fast as possible, but not faster than connected gateways publish: wait while a buffer is over half full.</summary>
    private async Task BackpressureAsync(CancellationToken cancellationToken)
    {
        foreach (var p in _publishers.Values)
        {
            while (p.State == GatewayConnectionState.Connected && p.Pending > _options.BufferCapacity / 2)
            {
                await WallDelay.For(TimeSpan.FromMilliseconds(2), _time, cancellationToken);
            }
        }

        await Task.Yield();
    }

    private void OnTrace(in PlantTraceEvent e)
    {
        _groundTruth?.Write(e);
        if (!_lineGateway.TryGetValue(e.Line, out var publisher) || !_topics.TryGetValue(e.Asset, out var topics))
        {
            return;
        }

        long seq;
        switch (e.Kind)
        {
            case PlantTraceKind.State:
                seq = publisher.TakeSeq();
                publisher.Enqueue(new OutgoingMessage(topics[0], _payloads.State(Stamp(e.Time), seq, e.State), seq, 0));
                break;
            case PlantTraceKind.Count:
                seq = publisher.TakeSeq();
                publisher.Enqueue(new OutgoingMessage(topics[1], _payloads.Count(Stamp(e.Time), seq, e.Good, e.Scrap), seq, 0));
                break;
            case PlantTraceKind.PartEnter:
            case PlantTraceKind.PartExit:
                seq = publisher.TakeSeq();
                var payload = _payloads.Part(Stamp(e.Time), seq, e.Kind == PlantTraceKind.PartEnter, e.Body!, e.Variant.Value, e.Colour.Value, e.Cure, e.Route?.Value);
                publisher.Enqueue(new OutgoingMessage(topics[3], payload, seq, 0));
                break;
            default:
                break; // buffer levels follow from the part events on buffers and conveyors
        }
    }

    private void Sample(double time)
    {
        var ts = Stamp(time);
        for (int i = 0; i < _signals.Count; i++)
        {
            double value = _signals[i].Sample(time);
            var sensor = _signals[i].Sensor;
            if (_signals[i].IsOvenZone)
            {
                // The oven judges the cure of each leaving body with the zone air it reports (what the twin sees).
                _run!.RecordZoneAir(sensor.Id, time, _signals[i].ToSi(value));
            }

            _groundTruth?.WriteMeasure(time, _signalLines[i], sensor.Asset.Value, sensor.Id.Value, value);
            _signalBatches[i]?.Add(new MeasureSample(sensor.Id.Value, value, ts));
        }
    }

    /// <summary>Publishes every asset's collected values: one measure message per asset, split at the value limit.</summary>
    private void FlushBatches(double time)
    {
        var ts = Stamp(time);
        foreach (var (asset, batch) in _batches)
        {
            if (batch.Count == 0)
            {
                continue;
            }

            var publisher = _batchPublishers[asset];
            string topic = _topics[asset][2];
            for (int start = 0; start < batch.Count; start += _options.MaxValuesPerMessage)
            {
                int count = Math.Min(_options.MaxValuesPerMessage, batch.Count - start);
                long seq = publisher.TakeSeq();
                publisher.Enqueue(new OutgoingMessage(topic, _payloads.Measure(ts, seq, batch, start, count), seq, count));
            }

            batch.Clear();
        }
    }

    private void ScheduleDisturbances()
    {
        foreach (var d in _scenario.Disturbances)
        {
            double first = d.At ?? _disturbanceRng.NextExponential(d.MeanInterval!.Value);
            _disturbances.Add(new Pending(d, first));
        }
    }

    private double NextDisturbanceTime()
    {
        double best = double.PositiveInfinity;
        foreach (var p in _disturbances)
        {
            best = Math.Min(best, p.Time);
        }

        return best;
    }

    private void InjectNext(double time)
    {
        var pending = _disturbances.First(p => p.Time == time);
        var d = pending.Disturbance;
        if (d.MeanInterval is { } mean && double.IsFinite(d.Duration))
        {
            pending.Time = time + d.Duration + _disturbanceRng.NextExponential(mean);
        }
        else
        {
            _disturbances.Remove(pending);
        }

        _injected++;
        Log.Disturbance(_logger, d.Kind.ToString(), d.Target, d.Duration, time);
        if (d.Kind is DisturbanceKind.BurnerTrip or DisturbanceKind.ColdZone || d.IsSensorFault)
        {
            var signal = _signals.FirstOrDefault(s => string.Equals(s.Sensor.Id.Value, d.Target, StringComparison.Ordinal));
            if (d.IsSensorFault)
            {
                signal?.Fault(d.Kind, d.Magnitude, time, time + d.Duration);
            }
            else
            {
                signal?.Disturb(d.Drop, time + d.Duration);
            }

            var asset = signal?.Sensor.Asset ?? _plant.Sensors.First(s => s.Id.Value == d.Target).Asset;
            _groundTruth?.WriteDisturbance(time, _plant.LineOf(asset)?.Id.Value ?? string.Empty, asset.Value, d);
        }
        else
        {
            var asset = new AssetId(d.Target);
            _run!.StopStore(asset, d.Duration);
            _groundTruth?.WriteDisturbance(time, _plant.LineOf(asset)?.Id.Value ?? string.Empty, asset.Value, d);
        }
    }
}
