using DuckDB.NET.Data;

namespace FactoryTwin.Historian.Storage;

/// <summary>
/// Writes exported rows to Parquet through an in-memory DuckDB, for stores that cannot write Parquet themselves
/// (PostgreSQL); DuckDB's own store copies straight from its tables with the same <see cref="CopySql"/>.
/// </summary>
internal sealed class ParquetRowWriter : IDisposable
{
    private readonly DuckDBConnection _connection;
    private DuckDBAppender? _appender;

    public ParquetRowWriter()
    {
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = "CREATE TABLE export (series VARCHAR, ts BIGINT, seq BIGINT, value DOUBLE)";
        command.ExecuteNonQuery();
        _appender = _connection.CreateAppender("export");
    }

    public void Add(string series, long ts, long seq, double value) =>
        _appender!.CreateRow().AppendValue(series).AppendValue((long?)ts).AppendValue((long?)seq).AppendValue((double?)value).EndRow();

    /// <summary>Writes the file and returns the number of rows.</summary>
    public long Complete(string path)
    {
        _appender?.Dispose();
        _appender = null;
        using var command = _connection.CreateCommand();
        command.CommandText = CopySql("SELECT series, ts, seq, value FROM export", path);
        return command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _appender?.Dispose();
        _connection.Dispose();
    }

    /// <summary>The COPY statement over a query with columns series, ts (micros), seq, value.</summary>
    public static string CopySql(string query, string path) =>
        "COPY (SELECT series, make_timestamp(ts) AS ts, seq, value FROM (" + query + ") ORDER BY series, ts, seq) TO '"
        + System.IO.Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal) + "' (FORMAT PARQUET)";
}
