using System.Collections.Concurrent;
using FactoryTwin.Historian.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FactoryTwin.Historian.Postgres;

/// <summary>
/// The scale-out historian on PostgreSQL. Several nodes may write at once, so unlike DuckDB nothing is trusted from
/// memory except the name → id map: duplicates are dropped by the primary key (<c>ON CONFLICT DO NOTHING</c>).
/// </summary>
internal sealed partial class PostgresHistorian : IHistorian
{
    private readonly HistorianOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly NpgsqlDataSource _dataSource;
    private readonly ConcurrentDictionary<string, int> _seriesIds = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private volatile bool _initialized;

    public PostgresHistorian(HistorianOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString!);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }

        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initGate.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock($1)", cancellationToken, PostgresSchema.SchemaLockKey);
                await ExecuteAsync(connection, PostgresSchema.Create, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            await using (var command = new NpgsqlCommand("SELECT id, name FROM series", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    _seriesIds[reader.GetString(1)] = reader.GetInt32(0);
                }
            }

            Log.Opened(_logger, HistorianProvider.Postgres, connection.Database, _seriesIds.Count);
            _initialized = true;
        }
        finally
        {
            _initGate.Release();
        }
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p ?? DBNull.Value });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p ?? DBNull.Value });
        }

        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private long NowMicros() => TimeCodec.ToMicros(_timeProvider.GetUtcNow());
}
