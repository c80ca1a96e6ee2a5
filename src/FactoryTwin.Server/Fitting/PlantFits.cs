using System.Globalization;
using FactoryTwin.Historian;
using FactoryTwin.Model.Plants;
using FactoryTwin.Model.Telemetry;
using FactoryTwin.Server.Api;
using FactoryTwin.Server.Hosting;
using FactoryTwin.Server.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Fitting;

/// <summary>
/// Fits the served plant from this server's own historian (<see cref="PlantFitRun"/>, as <c>factorytwin fit</c> does),
/// keeps the latest runs in <see cref="AnalysisRuns"/> and audits each run: the one code path of <c>POST /api/v1/fit</c>
/// and the dashboard's Fits page. The plant file is never written here: the server loaded it at start, and the diff is
/// for review (<c>factorytwin fit --write</c> applies it with the server stopped).
/// </summary>
internal sealed class PlantFits
{
    /// <summary>The history fitted when <c>from</c> is not given, in days before <c>to</c>.</summary>
    public const int DefaultDays = 30;

    /// <summary>The longest history fitted at once, in days.</summary>
    public const int MaxDays = 400;

    private readonly IHistorian _historian;
    private readonly PlantModel _plant;
    private readonly string _plantName;
    private readonly TimeProvider _clock;
    private readonly TimeProvider _wall;
    private readonly AnalysisRuns _runs;
    private readonly AuditLog _audit;
    private readonly IReadOnlyList<PlantValueView> _plantValues;

    public PlantFits(
        IHistorian historian, PlantModel plant, IOptions<ServerOptions> options, [FromKeyedServices(PlantClock.ServiceKey)] TimeProvider clock, TimeProvider wall, AnalysisRuns runs, AuditLog audit)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(options);
        _historian = historian;
        _plant = plant;
        _plantName = Path.GetFileName(PlantFile.PathOf(options.Value));
        _clock = clock;
        _wall = wall;
        _runs = runs;
        _audit = audit;
        _plantValues = ValuesOf(plant);
        Stations = plant.Elements().OfType<Station>().Count();
    }

    /// <summary>Gets the number of stations of the plant: a run reports progress up to it.</summary>
    public int Stations { get; }

    /// <summary>Gets the latest runs, newest first.</summary>
    /// <returns>The runs.</returns>
    public IReadOnlyList<PlantFitRunView> Latest() => _runs.Fits();

    /// <summary>Gets a run among the latest, or <see langword="null"/>.</summary>
    /// <param name="id">The run id.</param>
    /// <returns>The run.</returns>
    public PlantFitRunView? Find(string id) => _runs.Fits().FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// Resolves the history range: <c>to</c> defaults to now on the plant clock and is taken as now when later (the
    /// history ends there, and an observation still running is censored at the end of the range); <c>from</c> defaults
    /// to <see cref="DefaultDays"/> days before it.
    /// </summary>
    /// <param name="from">The inclusive start, or <see langword="null"/>.</param>
    /// <param name="to">The exclusive end, or <see langword="null"/>.</param>
    /// <param name="since">The resolved start.</param>
    /// <param name="until">The resolved end.</param>
    /// <returns><see langword="null"/> when valid, otherwise why not, starting with the field at fault.</returns>
    public string? Resolve(DateTimeOffset? from, DateTimeOffset? to, out DateTimeOffset since, out DateTimeOffset until)
    {
        since = until = default;
        if (from < ApiCatalog.EarliestTime)
        {
            return string.Create(CultureInfo.InvariantCulture, $"from must be an RFC 3339 date-time with offset, not before 1970-01-01T00:00:00Z, not '{from:O}'.");
        }

        if (to < ApiCatalog.EarliestTime)
        {
            return string.Create(CultureInfo.InvariantCulture, $"to must be an RFC 3339 date-time with offset, not before 1970-01-01T00:00:00Z, not '{to:O}'.");
        }

        if (from is { } f && to is { } t && t <= f)
        {
            return string.Create(CultureInfo.InvariantCulture, $"to ({t:O}) must be after from ({f:O}).");
        }

        var now = _clock.GetUtcNow();
        until = to is { } end && end < now ? end : now;
        since = from ?? (until - ApiCatalog.EarliestTime > TimeSpan.FromDays(DefaultDays) ? until - TimeSpan.FromDays(DefaultDays) : ApiCatalog.EarliestTime);
        if (until <= since)
        {
            return string.Create(CultureInfo.InvariantCulture, $"from ({since:O}) must be before now on the plant clock ({now:O}): there is no history after it yet.");
        }

        if (until - since > TimeSpan.FromDays(MaxDays))
        {
            return string.Create(CultureInfo.InvariantCulture, $"from and to span {(until - since).TotalDays:0.#} days; at most {MaxDays} days of history are fitted at once.");
        }

        return null;
    }

    /// <summary>Fits the plant over a range (see <see cref="Resolve"/>), stores the run and audits it.</summary>
    /// <param name="from">The inclusive start, or <see langword="null"/>.</param>
    /// <param name="to">The exclusive end, or <see langword="null"/>.</param>
    /// <param name="user">Who runs it.</param>
    /// <param name="context">The HTTP request, for the audit's client address, or <see langword="null"/> (the dashboard).</param>
    /// <param name="progress">Receives the stations fitted, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The run, or why there is none; a historian that cannot be read throws.</returns>
    public async Task<PlantFitOutcome> RunAsync(
        DateTimeOffset? from, DateTimeOffset? to, string user, HttpContext? context, IProgress<int>? progress, CancellationToken cancellationToken = default)
    {
        if (Resolve(from, to, out var since, out var until) is { } problem)
        {
            return PlantFitOutcome.Invalid(problem);
        }

        if (!_runs.TryEnter())
        {
            return PlantFitOutcome.Busy("Another analysis is running on this host; try again when it has finished.");
        }

        try
        {
            var at = _clock.GetUtcNow();
            var started = _wall.GetTimestamp();

            // The fitting itself is synchronous CPU work: off the request's (or the circuit's) thread.
            var (report, _) = await Task.Run(() => PlantFitRun.RunAsync(_historian, _plant, _plantName, since, until, progress, cancellationToken), cancellationToken);
            var run = new PlantFitRunView(AnalysisRuns.NewId(), at, user, Math.Round(_wall.GetElapsedTime(started).TotalSeconds, 3), _plantValues, report);
            _runs.Add(run);
            _audit.Record("fit-run", user, string.Create(CultureInfo.InvariantCulture, $"{_plantName} {since:O}/{until:O}"), context);
            return PlantFitOutcome.Done(run);
        }
        finally
        {
            _runs.Exit();
        }
    }

    /// <summary>The distributions a fit may replace (<see cref="FactoryTwin.Analytics.Fitting.PlantFitEdits"/>): processing time, and the single failure mode's.</summary>
    private static PlantValueView[] ValuesOf(PlantModel plant)
    {
        var values = new List<PlantValueView>();
        foreach (var s in plant.Elements().OfType<Station>())
        {
            if (s.ProcessingTime is { } pt)
            {
                values.Add(new PlantValueView(s.Id.Value, "processingTime", PlantFitRun.Describe(pt), pt.Mean));
            }

            if (s.Failures.Count == 1)
            {
                var mode = s.Failures[0];
                values.Add(new PlantValueView(s.Id.Value, "failures[0].timeBetween", PlantFitRun.Describe(mode.TimeBetweenFailures), mode.TimeBetweenFailures.Mean));
                values.Add(new PlantValueView(s.Id.Value, "failures[0].timeToRepair", PlantFitRun.Describe(mode.TimeToRepair), mode.TimeToRepair.Mean));
            }
        }

        return [.. values];
    }
}
