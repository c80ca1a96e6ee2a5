using FactoryTwin.Mes.Scheduling;
using FactoryTwin.Model.Plants;
using FactoryTwin.Server.Cluster;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FactoryTwin.Server.Mes;

/// <summary>
/// The active MES schedule of a cluster (<see cref="IScheduleStore"/>): one row of <c>factorytwin_mes_schedule</c> in the
/// cluster's database (Cluster/Sql/0006) holding the document as imported. An import is checked completely first and
/// then written in one statement, which gives the row a new version from a sequence. Every read of
/// <see cref="Current"/> or <see cref="LoadResult"/> asks the database for the row's version (one small round trip) and
/// parses the document again only when the version differs from the one parsed last, so an import on any node is the
/// active schedule on every node at its next read; a read that finds a new schedule raises <see cref="Changed"/>.
/// </summary>
internal sealed class PostgresScheduleStore : IScheduleStore
{
    /// <summary>The table of the active schedule.</summary>
    public const string Table = "factorytwin_mes_schedule";

    // Reads and imports are serialized on this node, so that what one of them publishes is never overwritten by an older
    // version another read fetched before it (the comparison is "differs", not "is newer": versions come from a sequence).
    private readonly Lock _gate = new();
    private readonly NpgsqlDataSource _db;
    private readonly PlantModel _plant;
    private readonly long _maxDocumentBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private Loaded _loaded = Loaded.None;

    /// <summary>Opens the store; nothing is read until the first access.</summary>
    /// <param name="database">The cluster's database, with the schema applied.</param>
    /// <param name="plant">The plant orders must fit.</param>
    /// <param name="maxDocumentBytes">The size limit of a schedule document in bytes.</param>
    /// <param name="time">The wall clock, for the import time.</param>
    /// <param name="logger">Says when the stored schedule no longer fits the plant.</param>
    public PostgresScheduleStore(ClusterDatabase database, PlantModel plant, long maxDocumentBytes, TimeProvider time, ILogger<PostgresScheduleStore> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDocumentBytes, 1);
        _db = database.DataSource;
        _plant = plant;
        _maxDocumentBytes = maxDocumentBytes;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Location => $"{Table} (cluster database)";

    /// <inheritdoc />
    public ScheduleImportResult? LoadResult => Refresh();

    /// <inheritdoc />
    public ProductionSchedule? Current => Refresh()?.Schedule;

    /// <inheritdoc />
    public event Action<ProductionSchedule>? Changed;

    /// <inheritdoc />
    /// <exception cref="NpgsqlException">The database cannot be written; nothing changed.</exception>
    public ScheduleImportResult Import(Stream document)
    {
        var result = ScheduleImporter.ImportBuffered(document, _plant, _maxDocumentBytes, out var bytes);
        if (!result.Succeeded)
        {
            return result;
        }

        var schedule = result.Schedule!;
        lock (_gate)
        {
            using var command = _db.CreateCommand(
                $"""
                INSERT INTO {Table} (id, schedule_id, document, imported, version) VALUES (1, @s, @d, @t, nextval('{Table}_version'))
                ON CONFLICT (id) DO UPDATE SET schedule_id = excluded.schedule_id, document = excluded.document, imported = excluded.imported, version = excluded.version
                RETURNING version
                """);
            command.Parameters.AddWithValue("s", schedule.Id);
            command.Parameters.AddWithValue("d", bytes.ToArray());
            command.Parameters.AddWithValue("t", _time.GetUtcNow().ToUniversalTime());
            _loaded = new Loaded((long)command.ExecuteScalar()!, result);
        }

        Changed?.Invoke(schedule);
        return result;
    }

    private ScheduleImportResult? Refresh()
    {
        Loaded loaded;
        bool changed;
        lock (_gate)
        {
            // The document comes back only when the version is not the one parsed last.
            using var command = _db.CreateCommand($"SELECT version, CASE WHEN version = @v THEN NULL ELSE document END FROM {Table} WHERE id = 1");
            command.Parameters.AddWithValue("v", _loaded.Version);
            using (var reader = command.ExecuteReader())
            {
                if (!reader.Read())
                {
                    loaded = Loaded.None;
                }
                else if (reader.GetInt64(0) == _loaded.Version)
                {
                    return _loaded.Result;
                }
                else
                {
                    loaded = new Loaded(reader.GetInt64(0), Parse(reader.GetFieldValue<byte[]>(1)));
                }
            }

            changed = loaded.Version != _loaded.Version;
            _loaded = loaded;
        }

        if (changed && loaded.Result?.Schedule is { } schedule)
        {
            Changed?.Invoke(schedule);
        }

        return loaded.Result;
    }

    private ScheduleImportResult Parse(byte[] document)
    {
        // The stored document was valid when imported; a larger limit now, or a changed plant, must not hide why it is not active.
        using var stream = new MemoryStream(document, writable: false);
        var result = ScheduleImporter.Import(stream, _plant, Math.Max(_maxDocumentBytes, document.Length));
        if (!result.Succeeded)
        {
            Log.StoredScheduleRefused(_logger, Location, result.Problems.Count, result.Problems[0].ToString());
        }

        return result;
    }

    /// <summary>The version of the row last read and the result of parsing its document (version 0: no row).</summary>
    private sealed record Loaded(long Version, ScheduleImportResult? Result)
    {
        public static Loaded None { get; } = new(0, null);
    }
}
