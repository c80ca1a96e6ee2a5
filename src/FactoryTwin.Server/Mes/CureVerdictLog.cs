using FactoryTwin.Mes.Performance;
using FactoryTwin.Model.Ids;
using FactoryTwin.Server.Live;
using FactoryTwin.Twin.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Mes;

/// <summary>
/// Remembers each body's latest cure prediction as the ovens' live views announce it, so that the body keeps the verdict
/// it had when it left the oven (the twin itself forgets a body once it is out). Kept in memory, the newest
/// <see cref="MesOptions.RememberedCureVerdicts"/> bodies; a restarted server knows the verdicts from then on.
/// </summary>
internal sealed class CureVerdictLog : IHostedService
{
    private readonly LiveViews _views;
    private readonly int _capacity;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, BodyQuality> _byBody = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private IDisposable? _registration;

    public CureVerdictLog(LiveViews views, IOptions<MesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _views = views;
        _capacity = options.Value.RememberedCureVerdicts;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = _views.Listen((update, _) =>
        {
            foreach (var view in update.Assets)
            {
                Record(view);
            }

            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _registration?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Records every body's prediction in an oven's view.</summary>
    public void Record(AssetTwinView view)
    {
        if (view.Cure.IsDefaultOrEmpty)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var cure in view.Cure)
            {
                if (!_byBody.ContainsKey(cure.PartId))
                {
                    _order.Enqueue(cure.PartId);
                }

                _byBody[cure.PartId] = new BodyQuality(cure.PartId, new AssetId(view.Asset), VerdictName(cure.Verdict), cure.Margin, cure.WorstPoint, cure.PredictedAt);
            }

            while (_order.Count > _capacity && _order.TryDequeue(out var oldest))
            {
                _byBody.Remove(oldest);
            }
        }
    }

    /// <summary>Gets a copy of the remembered verdicts by body.</summary>
    public IReadOnlyDictionary<string, BodyQuality> Snapshot()
    {
        lock (_gate)
        {
            return new Dictionary<string, BodyQuality>(_byBody, StringComparer.Ordinal);
        }
    }

    internal static string VerdictName(TwinCureVerdict verdict) => verdict switch
    {
        TwinCureVerdict.Ok => "ok",
        TwinCureVerdict.UnderCured => "under-cured",
        TwinCureVerdict.OverBaked => "over-baked",
        _ => verdict.ToString().ToLowerInvariant(),
    };
}
