using DuckDB.NET.Data;
using FactoryTwin.Historian.Storage;
using FactoryTwin.Model.Telemetry;
using Microsoft.Extensions.Logging;

namespace FactoryTwin.Historian.DuckDb;

/// <summary>
/// The embedded historian: one DuckDB file under the data folder. One connection, used under a gate: DuckDB allows one
/// writing process per file and runs each statement on all cores, so serializing calls costs little. Appended batches
/// are made durable in the <see cref="CommitJournal"/> and written to DuckDB together (see
/// <see cref="HistorianOptions.CommitInterval"/>); every other call writes the journal's batches first.
/// </summary>
internal sealed partial class DuckDbHistorian : IHistorian
{
    private readonly HistorianOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SeriesCatalog _catalog = new();
    private readonly string _path;
    private readonly List<TelemetryBatch> _pending = [];
    private DuckDBConnection? _connection;
    private CommitJournal? _journal;
    private int _pendingRows;
    private long _pendingSince;
    private bool _disposed;

    public DuckDbHistorian(HistorianOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _path = options.GetDatabasePath();
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                if (_connection is not null)
                {
                    try
                    {
                        // A clean stop leaves everything in DuckDB and the journal empty.
                        FlushPending(_connection);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        // Kept in the journal: the next open writes it.
                        Log.JournalKept(_logger, _journal?.Path ?? _path, _pendingRows, ex);
                    }
                }

                _journal?.Dispose();
                _journal = null;
                _connection?.Dispose();
                _connection = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Waits for the gate, opens the store on first use and writes the journal's batches to DuckDB, so what follows
    /// sees every appended point; dispose the result to release the gate.
    /// </summary>
    private async ValueTask<GateLease> EnterAsync(CancellationToken cancellationToken)
    {
        var lease = await EnterGateAsync(cancellationToken);
        try
        {
            FlushPending(lease.Connection);
            return lease;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>Waits for the gate and opens the store on first use; dispose the result to release the gate.</summary>
    private async ValueTask<GateLease> EnterGateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            cancellationToken.ThrowIfCancellationRequested();
            _connection ??= Open();
            return new GateLease(_gate, _connection);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    private DuckDBConnection Open()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var connection = new DuckDBConnection("Data Source=" + _path);
        try
        {
            try
            {
                connection.Open();
            }
            catch (DuckDBException e) when (HistorianInUseException.FromDuckDb(_path, e) is { } inUse)
            {
                throw inUse;
            }

            Execute(connection, DuckDbSchema.Create);
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT id, name, last_ts, last_seq, last_value FROM series ORDER BY id";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    _catalog.Load(
                        reader.GetInt32(0),
                        reader.GetString(1),
                        reader.IsDBNull(2) ? null : reader.GetInt64(2),
                        reader.IsDBNull(3) ? null : reader.GetInt64(3),
                        reader.IsDBNull(4) ? null : reader.GetDouble(4));
                }
            }

            Log.Opened(_logger, HistorianProvider.DuckDb, _path, _catalog.Count);
            OpenJournal(connection);
            return connection;
        }
        catch
        {
            _journal?.Dispose();
            _journal = null;
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens the commit journal and writes what a previous process left in it to DuckDB.</summary>
    private void OpenJournal(DuckDBConnection connection)
    {
        _journal = CommitJournal.Open(_path + ".journal", out var recovered, out var tornAt);
        if (tornAt >= 0)
        {
            Log.JournalTorn(_logger, _journal.Path, tornAt);
        }

        if (recovered.Count > 0)
        {
            var merged = Merge(recovered);
            Apply(connection, merged);
            _journal.Clear();
            Log.JournalReplayed(_logger, _journal.Path, recovered.Count, merged.Points.Count, merged.Parts.Count);
        }
    }

    private static long Execute(DuckDBConnection connection, string sql, params ReadOnlySpan<object?> parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters)
        {
            command.Parameters.Add(p as DuckDBParameter ?? new DuckDBParameter(p ?? DBNull.Value));
        }

        return command.ExecuteNonQuery();
    }

    private static long Scalar(DuckDBConnection connection, string sql, params ReadOnlySpan<object?> parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters)
        {
            command.Parameters.Add(p as DuckDBParameter ?? new DuckDBParameter(p ?? DBNull.Value));
        }

        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Holds the gate for one call.</summary>
    private readonly struct GateLease(SemaphoreSlim gate, DuckDBConnection connection) : IDisposable
    {
        public DuckDBConnection Connection => connection;

        public void Dispose() => gate.Release();
    }
}
