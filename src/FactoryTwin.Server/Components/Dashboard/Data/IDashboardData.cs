using FactoryTwin.Server.Components.Dashboard.Layout;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>Everything the dashboard pages read and the alarm commands they send; tests give the pages their own.</summary>
public interface IDashboardData
{
    /// <summary>Gets the plant model.</summary>
    PlantModel Plant { get; }

    /// <summary>Gets the 2-D layout of the plant.</summary>
    PlantLayout Layout { get; }

    /// <summary>
    /// Calls <paramref name="changed"/> whenever the twin announces a change (at most once per change interval); a live page
    /// re-reads what it shows when the change concerns it. Dispose the result to stop.
    /// </summary>
    /// <param name="changed">Called with what changed.</param>
    /// <returns>The registration.</returns>
    IDisposable Watch(Func<DashboardChange, Task> changed);

    /// <summary>Reads the live state of every asset and line and the active alarms.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The plant's live state.</returns>
    Task<PlantLive> GetPlantAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a station's live state, KPIs and state timeline for the shift.</summary>
    /// <param name="asset">The station's asset id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The detail, or <see langword="null"/> when the plant has no such asset.</returns>
    Task<StationDetail?> GetStationAsync(string asset, CancellationToken cancellationToken = default);

    /// <summary>Reads a bucketed trend of a historian series (min, mean, max per bucket).</summary>
    /// <param name="series">The series id.</param>
    /// <param name="since">The range start.</param>
    /// <param name="until">The range end, after <paramref name="since"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The trend, with a bucket width from <see cref="TrendBuckets.For"/>.</returns>
    Task<TrendSeries> GetTrendAsync(string series, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>Reads an oven's zones and the bodies in it with their predicted verdicts.</summary>
    /// <param name="oven">The oven's asset id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The oven, or <see langword="null"/> when the plant has no such oven.</returns>
    Task<OvenLive?> GetOvenAsync(string oven, CancellationToken cancellationToken = default);

    /// <summary>Predicts the metal-temperature curves of a body in an oven at the live zone air temperatures.</summary>
    /// <param name="oven">The oven's asset id.</param>
    /// <param name="body">The body id.</param>
    /// <param name="cancellationToken">Cancels the prediction.</param>
    /// <returns>The curves, or <see langword="null"/> when the body is not in that oven.</returns>
    Task<BodyCurves?> GetBodyCurvesAsync(string oven, string body, CancellationToken cancellationToken = default);

    /// <summary>Reads the latest shift forecast.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The forecast, or <see langword="null"/> when none has been made yet.</returns>
    Task<ForecastLive?> GetForecastAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads every alarm that is not normal.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The alarms.</returns>
    Task<IReadOnlyList<AlarmItem>> GetAlarmsAsync(CancellationToken cancellationToken = default);

    /// <summary>Acknowledges an alarm.</summary>
    /// <param name="alarm">The alarm.</param>
    /// <param name="user">The user's name.</param>
    /// <param name="comment">An optional comment.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The outcome.</returns>
    Task<AlarmCommandOutcome> AcknowledgeAsync(AlarmItem alarm, string user, string? comment, CancellationToken cancellationToken = default);

    /// <summary>Shelves an alarm for a while.</summary>
    /// <param name="alarm">The alarm.</param>
    /// <param name="user">The user's name.</param>
    /// <param name="duration">How long.</param>
    /// <param name="comment">An optional comment.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The outcome.</returns>
    Task<AlarmCommandOutcome> ShelveAsync(AlarmItem alarm, string user, TimeSpan duration, string? comment, CancellationToken cancellationToken = default);
}
