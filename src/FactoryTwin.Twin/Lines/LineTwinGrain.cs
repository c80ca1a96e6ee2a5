using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Changes;
using FactoryTwin.Twin.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Twin.Lines;

/// <summary>Hosts a <see cref="LineTwin"/>; writes its state every <see cref="TwinOptions.PersistInterval"/> when changed and on deactivation.</summary>
internal sealed class LineTwinGrain : Grain, ILineTwinGrain
{
    private readonly IPersistentState<LineTwinState> _state;
    private readonly PlantIndex _index;
    private readonly TimeProvider _time;
    private readonly TwinOptions _options;
    private readonly TwinChangeHub _changes;
    private LineTwin _twin = null!;
    private bool _dirty;

    public LineTwinGrain(
        [PersistentState("line", TwinOptions.StorageName)] IPersistentState<LineTwinState> state,
        PlantIndex index,
        [FromKeyedServices(TwinOptions.ClockKey)] TimeProvider time,
        IOptions<TwinOptions> options,
        TwinChangeHub changes)
    {
        _state = state;
        _index = index;
        _time = time;
        _options = options.Value;
        _changes = changes;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        var info = _index.LinesById.TryGetValue(id, out var l) ? l : new LineInfo(id, null, [], [], [], [], new ShiftClock(null, TimeZoneInfo.Utc));
        _twin = new LineTwin(info, _state.State);
        this.RegisterGrainTimer(PersistIfDirtyAsync, _options.PersistInterval, _options.PersistInterval);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => PersistIfDirtyAsync(cancellationToken);

    public Task ApplyPartsAsync(TwinPartEvent[] parts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (_twin.Apply(parts))
        {
            _dirty = true;
            _changes.Publish(TwinChangeKind.Line, _twin.Info.Id, _twin.State.LastPartAt);
        }

        return Task.CompletedTask;
    }

    public async Task<LineTwinView> GetViewAsync(CancellationToken cancellationToken = default)
    {
        var stations = _twin.Info.Stations;
        var tasks = new Task<AssetTwinView>[stations.Length];
        for (var i = 0; i < stations.Length; i++)
        {
            tasks[i] = GrainFactory.GetGrain<IAssetTwinGrain>(stations[i]).GetViewAsync(cancellationToken);
        }

        var views = await Task.WhenAll(tasks);
        var entries = new StationKpiEntry[views.Length];
        for (var i = 0; i < views.Length; i++)
        {
            entries[i] = new StationKpiEntry(views[i].Asset, views[i].State, views[i].Kpi);
        }

        return _twin.View(_time.GetUtcNow(), entries);
    }

    private async Task PersistIfDirtyAsync(CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            _dirty = false;
            await _state.WriteStateAsync(cancellationToken);
        }
    }
}
