namespace FactoryTwin.Historian;

/// <summary>The storage engine behind the historian.</summary>
public enum HistorianProvider
{
    /// <summary>An embedded DuckDB file under <see cref="HistorianOptions.DataFolder"/> (the default).</summary>
    DuckDb,

    /// <summary>A PostgreSQL server reached through <see cref="HistorianOptions.ConnectionString"/>.</summary>
    Postgres,
}
