using System.Threading.Channels;
using FactoryTwin.Mes.Performance;
using FactoryTwin.Model.Ids;
using FactoryTwin.Server.Live;
using FactoryTwin.Twin.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Mes;

/// <summary>
/// Remembers each body's latest cure prediction as the ovens' live views announce it, so that the body keeps the verdict
/// it had when it left the oven (the twin itself forgets a body once it is out): the newest
/// <see cref="MesOptions.RememberedCureVerdicts"/> bodies in memory. A body that is no longer among its oven's bodies has
/// left it, and its last verdict goes to the <see cref="ICureVerdictStore"/> (a file beside the schedule, or the cluster's
/// database), written off the live feed by one writer; a restarted server reads the store back before it listens, so the
/// performance export keeps the verdicts of bodies that left before the restart; at a stop the bodies still inside are
/// written with their latest verdict (one that leaves later is written again). A write that fails is logged and tried
/// again with the next; the verdicts stay in memory meanwhile.
/// </summary>
internal sealed class CureVerdictLog : IHostedService, IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly LiveViews _views;
    private readonly ICureVerdictStore _store;
    private readonly TimeProvider _wall;
    private readonly ILogger<CureVerdictLog> _logger;
    private readonly int _capacity;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, BodyQuality> _byBody = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Dictionary<string, HashSet<string>> _inside = new(StringComparer.Ordinal); // per oven, the bodies predicted there and not yet seen leave
    private readonly HashSet<string> _scratch = new(StringComparer.Ordinal); // the bodies of the view being recorded
    private readonly Predicate<string> _leaves;
    private readonly Channel<BodyQuality> _departed = Channel.CreateUnbounded<BodyQuality>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _registration;
    private Task _writer = Task.CompletedTask;

    public CureVerdictLog(LiveViews views, ICureVerdictStore store, TimeProvider wall, IOptions<MesOptions> options, ILogger<CureVerdictLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _views = views;
        _store = store;
        _wall = wall;
        _logger = logger;
        _capacity = options.Value.RememberedCureVerdicts;
        _leaves = Leaves;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var kept = await _store.LoadAsync(cancellationToken);
            lock (_gate)
            {
                foreach (var verdict in kept)
                {
                    Remember(verdict);
                }
            }

            if (_store is CureVerdictFile { Loaded: { Skipped: > 0 } skipped })
            {
                Log.CureVerdictLinesSkipped(_logger, skipped.Skipped, _store.Location, skipped.FirstSkipped!);
            }

            Log.CureVerdictsLoaded(_logger, kept.Count, _store.Location);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CureVerdictsNotLoaded(_logger, _store.Location, ex.Message, ex);
        }

        _writer = Task.Run(() => WriteAsync(_stopping.Token), CancellationToken.None);
        _registration = _views.Listen((update, _) =>
        {
            foreach (var view in update.Assets)
            {
                Record(view);
            }

            return Task.CompletedTask;
        });
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _registration?.Dispose();

        // The bodies still in an oven keep their latest verdict too: one that leaves while the server is down has it.
        lock (_gate)
        {
            foreach (var body in _inside.Values.SelectMany(b => b))
            {
                if (_byBody.TryGetValue(body, out var last))
                {
                    _departed.Writer.TryWrite(last);
                }
            }

            _inside.Clear();
            _departed.Writer.TryComplete();
        }

        // What left before the stop is written, unless the shutdown time runs out first.
        using (cancellationToken.Register(_stopping.Cancel))
        {
            await _writer;
        }
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>
    /// Records every body's prediction in an oven's view; a body predicted in this oven that is no longer among the
    /// view's bodies has left it (a view may carry no prediction of a body still inside, when a reading is missing, and
    /// still carry the last evaluation's prediction of a body that has left since, which is not taken).
    /// </summary>
    public void Record(AssetTwinView view)
    {
        lock (_gate)
        {
            bool tracked = _inside.TryGetValue(view.Asset, out var predicted);
            if (view.Cure.IsDefaultOrEmpty && !tracked)
            {
                return;
            }

            // One set reused under the gate: an oven's view comes with every live update.
            var inside = _scratch;
            inside.Clear();
            if (!view.Bodies.IsDefault)
            {
                foreach (var body in view.Bodies)
                {
                    inside.Add(body.PartId);
                }
            }

            if (!view.Cure.IsDefaultOrEmpty)
            {
                predicted ??= _inside[view.Asset] = new HashSet<string>(StringComparer.Ordinal);
                foreach (var cure in view.Cure)
                {
                    // The prediction is as of the last evaluation: a body that has left since keeps the verdict it had.
                    if (inside.Contains(cure.PartId))
                    {
                        predicted.Add(cure.PartId);
                        Remember(new BodyQuality(cure.PartId, new AssetId(view.Asset), VerdictName(cure.Verdict), cure.Margin, cure.WorstPoint, cure.PredictedAt));
                    }
                }
            }

            predicted!.RemoveWhere(_leaves);
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

    /// <summary>Under the gate: whether a body predicted in the oven being recorded has left it; if so its last verdict goes to the store.</summary>
    private bool Leaves(string body)
    {
        if (_scratch.Contains(body))
        {
            return false;
        }

        if (_byBody.TryGetValue(body, out var last))
        {
            _departed.Writer.TryWrite(last);
        }

        return true;
    }

    private void Remember(BodyQuality verdict)
    {
        if (!_byBody.ContainsKey(verdict.PartId))
        {
            _order.Enqueue(verdict.PartId);
        }

        _byBody[verdict.PartId] = verdict;
        while (_order.Count > _capacity && _order.TryDequeue(out var oldest))
        {
            _byBody.Remove(oldest);
        }
    }

    /// <summary>The one writer: takes what has left, in batches, until the log stops and everything is written.</summary>
    private async Task WriteAsync(CancellationToken stopping)
    {
        var batch = new List<BodyQuality>();
        var reader = _departed.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stopping))
            {
                while (reader.TryRead(out var verdict))
                {
                    batch.Add(verdict);
                }

                while (true)
                {
                    try
                    {
                        await _store.AppendAsync(batch, stopping);
                        batch.Clear();
                        break;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Log.CureVerdictsNotWritten(_logger, batch.Count, _store.Location, ex.Message, ex);
                        await Task.Delay(RetryDelay, _wall, stopping);
                        while (reader.TryRead(out var verdict))
                        {
                            batch.Add(verdict);
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The shutdown time ran out: what is left stays unwritten, as a crash would leave it.
        }
    }
}
