namespace FactoryTwin.Historian.Postgres;

/// <summary>The PostgreSQL schema: the same tables as DuckDB, with B-tree primary keys doing the deduplication.</summary>
internal static class PostgresSchema
{
    /// <summary>An advisory-lock key so that nodes starting together create the schema once.</summary>
    public const long SchemaLockKey = 0x46_54_48_69_73_74; // "FTHist"

    public const string Create = """
        CREATE TABLE IF NOT EXISTS series (id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name TEXT NOT NULL UNIQUE, last_ts BIGINT, last_seq BIGINT, last_value DOUBLE PRECISION);
        CREATE TABLE IF NOT EXISTS points (series_id INTEGER NOT NULL, ts BIGINT NOT NULL, seq BIGINT NOT NULL, value DOUBLE PRECISION NOT NULL, PRIMARY KEY (series_id, ts, seq));
        CREATE TABLE IF NOT EXISTS rollups (series_id INTEGER NOT NULL, bucket BIGINT NOT NULL, min DOUBLE PRECISION, max DOUBLE PRECISION, sum DOUBLE PRECISION, count BIGINT, last_ts BIGINT, last_seq BIGINT, last_value DOUBLE PRECISION, PRIMARY KEY (series_id, bucket));
        CREATE TABLE IF NOT EXISTS parts (asset TEXT NOT NULL, ts BIGINT NOT NULL, seq BIGINT NOT NULL, kind SMALLINT NOT NULL, part_id TEXT NOT NULL, variant TEXT, colour TEXT, PRIMARY KEY (asset, ts, seq, kind, part_id));
        ALTER TABLE parts ADD COLUMN IF NOT EXISTS cure SMALLINT;
        ALTER TABLE parts ADD COLUMN IF NOT EXISTS route TEXT;
        CREATE INDEX IF NOT EXISTS points_ts ON points (ts);
        CREATE INDEX IF NOT EXISTS parts_ts ON parts (ts);
        """;

    /// <summary>Per-connection staging tables, emptied at each commit.</summary>
    public const string CreateStaging = """
        CREATE TEMP TABLE IF NOT EXISTS stage_points (series_id INTEGER, ts BIGINT, seq BIGINT, value DOUBLE PRECISION) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS stage_parts (asset TEXT, ts BIGINT, seq BIGINT, kind SMALLINT, part_id TEXT, variant TEXT, colour TEXT, cure SMALLINT, route TEXT) ON COMMIT DELETE ROWS;
        """;
}
