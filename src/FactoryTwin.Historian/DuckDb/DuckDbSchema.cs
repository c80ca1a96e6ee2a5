namespace FactoryTwin.Historian.DuckDb;

/// <summary>The DuckDB schema. Why each choice is made is in the README ("Storage layout").</summary>
internal static class DuckDbSchema
{
    public const int Version = 1;

    /// <summary>
    /// Points are (series_id, ts micros, seq, value as mantissa/scale or double). <c>points_recent</c> takes appends in
    /// arrival order; compaction moves closed windows to <c>points</c> sorted by (series, ts). No index on either: an
    /// ART index costs more than the data and slows the Appender; idempotency comes from the watermark and anti-join.
    /// </summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value BIGINT);
        CREATE TABLE IF NOT EXISTS series (id INTEGER NOT NULL, name VARCHAR NOT NULL, last_ts BIGINT, last_seq BIGINT, last_value DOUBLE);
        CREATE TABLE IF NOT EXISTS points (series_id INTEGER NOT NULL, ts BIGINT NOT NULL, seq BIGINT NOT NULL, mant BIGINT, scale TINYINT, fvalue DOUBLE);
        CREATE TABLE IF NOT EXISTS points_recent (series_id INTEGER NOT NULL, ts BIGINT NOT NULL, seq BIGINT NOT NULL, mant BIGINT, scale TINYINT, fvalue DOUBLE);
        CREATE TABLE IF NOT EXISTS rollups (series_id INTEGER NOT NULL, bucket BIGINT NOT NULL, min DOUBLE, max DOUBLE, sum DOUBLE, count BIGINT, last_ts BIGINT, last_seq BIGINT, last_value DOUBLE);
        CREATE TABLE IF NOT EXISTS parts (asset VARCHAR NOT NULL, ts BIGINT NOT NULL, seq BIGINT NOT NULL, kind TINYINT NOT NULL, part_id VARCHAR NOT NULL, variant VARCHAR, colour VARCHAR, PRIMARY KEY (asset, ts, seq, kind, part_id));
        ALTER TABLE parts ADD COLUMN IF NOT EXISTS cure TINYINT;
        ALTER TABLE parts ADD COLUMN IF NOT EXISTS route VARCHAR;
        CREATE OR REPLACE VIEW all_points AS
            SELECT series_id, ts, seq, coalesce(fvalue, mant / power(10.0, scale)) AS value FROM points
            UNION ALL
            SELECT series_id, ts, seq, coalesce(fvalue, mant / power(10.0, scale)) AS value FROM points_recent;
        CREATE TEMP TABLE IF NOT EXISTS stage_points (series_id INTEGER, ts BIGINT, seq BIGINT, mant BIGINT, scale TINYINT, fvalue DOUBLE);
        CREATE TEMP TABLE IF NOT EXISTS stage_latest (id INTEGER, ts BIGINT, seq BIGINT, value DOUBLE);
        CREATE TEMP TABLE IF NOT EXISTS stage_parts (asset VARCHAR, ts BIGINT, seq BIGINT, kind TINYINT, part_id VARCHAR, variant VARCHAR, colour VARCHAR, cure TINYINT, route VARCHAR);
        """;
}
