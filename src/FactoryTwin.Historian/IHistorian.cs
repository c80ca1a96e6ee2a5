using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Telemetry;

namespace FactoryTwin.Historian;

/// <summary>
/// Time-series storage of telemetry: batched, idempotent appends (<see cref="ITelemetryStore.AppendAsync"/>), range
/// and bucketed queries, the latest value per series, station state intervals, part events, retention with
/// roll-ups, and export to Parquet. Timestamps are stored to the microsecond; ranges are half-open
/// <c>[since, until)</c>. Create one with <see cref="HistorianFactory.Create"/> or
/// <see cref="HistorianServiceCollectionExtensions.AddHistorian"/>.
/// </summary>
public interface IHistorian : ITelemetryStore, IAsyncDisposable
{
    /// <summary>Reads the raw points of one series in <c>[since, until)</c>, ordered by timestamp then seq.</summary>
    /// <param name="series">The series; must not be empty.</param>
    /// <param name="since">The inclusive start of the range.</param>
    /// <param name="until">The exclusive end of the range; must not be before <paramref name="since"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The points; empty when the series is unknown.</returns>
    /// <exception cref="ArgumentException">The series is empty, or <paramref name="until"/> is before <paramref name="since"/>.</exception>
    Task<IReadOnlyList<SeriesPoint>> QueryRangeAsync(SeriesId series, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downsamples one series into time buckets aligned to the Unix epoch (so 1-minute buckets start on whole minutes
    /// UTC). Raw points are used while they are retained; older buckets come from the 1-minute roll-ups, re-binned by
    /// their start (exact when <paramref name="bucket"/> is a whole number of minutes).
    /// </summary>
    /// <param name="series">The series; must not be empty.</param>
    /// <param name="since">The inclusive start of the range; only points in the range are aggregated, so an unaligned first or last bucket covers part of its width.</param>
    /// <param name="until">The exclusive end of the range; must not be before <paramref name="since"/>.</param>
    /// <param name="bucket">The bucket width; must be positive and at least one microsecond.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The non-empty buckets in time order.</returns>
    /// <exception cref="ArgumentException">The series is empty, or <paramref name="until"/> is before <paramref name="since"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bucket"/> is zero, negative or below one microsecond.</exception>
    Task<IReadOnlyList<BucketAggregate>> QueryBucketsAsync(SeriesId series, DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, CancellationToken cancellationToken = default);

    /// <summary>Gets the newest point (greatest timestamp, then seq) of each series; kept even after retention drops the raw points.</summary>
    /// <param name="series">The series to read, or <see langword="null"/> for every series; unknown series are left out.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One point per known series, ordered by series name.</returns>
    /// <exception cref="ArgumentException">A requested series is empty.</exception>
    Task<IReadOnlyList<SeriesPoint>> GetLatestAsync(IReadOnlyCollection<SeriesId>? series = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a state series (values are <see cref="Model.Plants.StationState"/> codes) as intervals of constant state
    /// over <c>[since, until)</c>: the state in force at <paramref name="since"/> (the last point before it) opens the
    /// first interval, repeated values are merged, and the last interval is closed at <paramref name="until"/>.
    /// </summary>
    /// <param name="series">The state series; must not be empty.</param>
    /// <param name="since">The inclusive start of the range.</param>
    /// <param name="until">The exclusive end of the range; must not be before <paramref name="since"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The intervals in time order; empty when no point is known before <paramref name="until"/>.</returns>
    /// <exception cref="ArgumentException">The series is empty, or <paramref name="until"/> is before <paramref name="since"/>.</exception>
    Task<IReadOnlyList<StateInterval>> QueryStateIntervalsAsync(SeriesId series, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>Reads part events in <c>[since, until)</c>, ordered by timestamp, asset and seq.</summary>
    /// <param name="since">The inclusive start of the range.</param>
    /// <param name="until">The exclusive end of the range; must not be before <paramref name="since"/>.</param>
    /// <param name="asset">Only this asset's events, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The events.</returns>
    /// <exception cref="ArgumentException"><paramref name="until"/> is before <paramref name="since"/>, or the asset is empty.</exception>
    Task<IReadOnlyList<PartEvent>> QueryPartEventsAsync(DateTimeOffset since, DateTimeOffset until, AssetId? asset = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs housekeeping at the current time of the injected <see cref="TimeProvider"/>: compacts recent points into
    /// series-sorted storage (DuckDB), rolls raw points older than <see cref="HistorianOptions.RawRetentionDays"/> up
    /// into 1-minute buckets and drops them, and drops roll-ups and part events older than
    /// <see cref="HistorianOptions.RollupRetentionDays"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the work; a cancelled run leaves the store as it was.</param>
    /// <returns>What was done.</returns>
    Task<HistorianMaintenanceResult> MaintainAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the raw points in <c>[since, until)</c> to a Parquet file with columns series, ts (UTC timestamp), seq, value.</summary>
    /// <param name="path">The file to write; replaced when it exists.</param>
    /// <param name="since">The inclusive start of the range.</param>
    /// <param name="until">The exclusive end of the range; must not be before <paramref name="since"/>.</param>
    /// <param name="series">Only these series, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The number of rows written.</returns>
    /// <exception cref="ArgumentException">The path or a series is empty, or <paramref name="until"/> is before <paramref name="since"/>.</exception>
    Task<long> ExportParquetAsync(string path, DateTimeOffset since, DateTimeOffset until, IReadOnlyCollection<SeriesId>? series = null, CancellationToken cancellationToken = default);

    /// <summary>Counts the stored raw points and roll-ups and the bytes the store occupies.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The statistics.</returns>
    Task<HistorianStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);
}
