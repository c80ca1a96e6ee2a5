using DuckDB.NET.Data;
using FactoryTwin.Historian.Storage;
using Microsoft.Extensions.Logging;

namespace FactoryTwin.Historian.DuckDb;

/// <summary>
/// The embedded historian: one DuckDB file under the data folder. One connection, used under a gate: DuckDB allows one
/// writing process per file and runs each statement on all cores, so serializing calls costs little.
/// </summary>
internal sealed partial class DuckDbHistorian : IHistorian
{
    private readonly HistorianOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SeriesCatalog _catalog = new();
    private readonly string _path;
    private DuckDBConnection? _connection;
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
                _connection?.Dispose();
                _connection = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Waits for the gate and opens the store on first use; dispose the result to release the gate.</summary>
    private async ValueTask<GateLease> EnterAsync(CancellationToken cancellationToken)
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
            connection.Open();
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
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
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
