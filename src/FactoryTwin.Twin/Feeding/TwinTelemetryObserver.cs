using System.Collections.Concurrent;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.Logging;

namespace FactoryTwin.Twin.Feeding;

/// <summary>
/// Feeds committed telemetry batches to the twins: groups a batch by asset and calls each asset twin once, and each
/// line twin once with its part events; completes when all have applied their share.
/// </summary>
internal sealed class TwinTelemetryObserver : ITelemetryBatchObserver
{
    private readonly IGrainFactory _grains;
    private readonly PlantIndex _index;
    private readonly ILogger<TwinTelemetryObserver> _logger;
    private readonly ConcurrentDictionary<string, bool> _unknown = new(StringComparer.Ordinal);

    private readonly Task _active;

    /// <summary>Creates the observer.</summary>
    /// <param name="grains">The grain factory (the silo's, or a cluster client's).</param>
    /// <param name="index">The plant's assets and lines.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="readiness">The co-hosted silo's readiness; <see langword="null"/> for a client of a running cluster.</param>
    public TwinTelemetryObserver(IGrainFactory grains, PlantIndex index, ILogger<TwinTelemetryObserver> logger, SiloReadiness? readiness = null)
    {
        _grains = grains;
        _active = readiness?.Active ?? Task.CompletedTask;
        _index = index;
        _logger = logger;
    }

    public ValueTask OnCommittedAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (assets, lines) = Group(batch);
        if (assets.Count == 0 && lines.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        return _active.IsCompletedSuccessfully
            ? Send(assets, lines, cancellationToken)
            : new ValueTask(SendWhenActiveAsync(assets, lines, cancellationToken));
    }

    private async Task SendWhenActiveAsync(Dictionary<string, AssetTelemetry> assets, Dictionary<string, List<TwinPartEvent>> lines, CancellationToken cancellationToken)
    {
        await _active.WaitAsync(cancellationToken);
        await Send(assets, lines, cancellationToken);
    }

    private ValueTask Send(Dictionary<string, AssetTelemetry> assets, Dictionary<string, List<TwinPartEvent>> lines, CancellationToken cancellationToken)
    {
        var tasks = new Task[assets.Count + lines.Count];
        var n = 0;
        foreach (var (asset, telemetry) in assets)
        {
            tasks[n++] = _grains.GetGrain<IAssetTwinGrain>(asset).ApplyAsync(telemetry, cancellationToken);
        }

        foreach (var (line, parts) in lines)
        {
            tasks[n++] = _grains.GetGrain<ILineTwinGrain>(line).ApplyPartsAsync([.. parts], cancellationToken);
        }

        return new ValueTask(Task.WhenAll(tasks));
    }

    /// <summary>
    /// Splits a batch by asset (points and part events) and by line (part events). Points are copied once, straight
    /// into an exactly sized array per asset (a first pass counts them).
    /// </summary>
    internal (Dictionary<string, AssetTelemetry> Assets, Dictionary<string, List<TwinPartEvent>> Lines) Group(TelemetryBatch batch)
    {
        var counts = new Dictionary<string, Slot>(StringComparer.Ordinal);
        var points = batch.Points;
        for (var i = 0; i < points.Count; i++)
        {
            var asset = points[i].Series.Asset.Value;
            if (counts.TryGetValue(asset, out var slot))
            {
                slot.Points++;
            }
            else if (Known(asset))
            {
                counts[asset] = new Slot { Points = 1 };
            }
        }

        var parts = batch.Parts;
        for (var i = 0; i < parts.Count; i++)
        {
            var asset = parts[i].Asset.Value;
            if (counts.TryGetValue(asset, out var slot))
            {
                slot.Parts++;
            }
            else if (Known(asset))
            {
                counts[asset] = new Slot { Parts = 1 };
            }
        }

        foreach (var slot in counts.Values)
        {
            slot.PointArray = slot.Points == 0 ? [] : new TwinPoint[slot.Points];
            slot.PartArray = slot.Parts == 0 ? [] : new TwinPartEvent[slot.Parts];
            slot.Points = 0;
            slot.Parts = 0;
        }

        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var (asset, channel) = (p.Series.Asset.Value, p.Series.Channel);
            if (counts.TryGetValue(asset, out var slot))
            {
                slot.PointArray[slot.Points++] = new TwinPoint(channel, p.Timestamp, p.Value);
            }
        }

        var lines = new Dictionary<string, List<TwinPartEvent>>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Count; i++)
        {
            var e = parts[i];
            var asset = e.Asset.Value;
            if (!counts.TryGetValue(asset, out var slot))
            {
                continue;
            }

            var te = new TwinPartEvent(asset, e.Timestamp, e.Kind == PartEventKind.Exit, e.PartId, e.Variant.Value, e.Colour.Value);
            slot.PartArray[slot.Parts++] = te;
            var line = _index.Assets[asset].Line;
            if (!lines.TryGetValue(line, out var l))
            {
                lines[line] = l = [];
            }

            l.Add(te);
        }

        var assets = new Dictionary<string, AssetTelemetry>(counts.Count, StringComparer.Ordinal);
        foreach (var (asset, slot) in counts)
        {
            assets[asset] = new AssetTelemetry(slot.PointArray, slot.PartArray);
        }

        return (assets, lines);
    }

    private bool Known(string asset)
    {
        if (_index.Assets.ContainsKey(asset))
        {
            return true;
        }

        if (_unknown.TryAdd(asset, true))
        {
            Log.UnknownAsset(_logger, asset);
        }

        return false;
    }

    private sealed class Slot
    {
        public int Points;
        public int Parts;
        public TwinPoint[] PointArray = [];
        public TwinPartEvent[] PartArray = [];
    }
}
