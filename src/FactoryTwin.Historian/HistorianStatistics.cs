namespace FactoryTwin.Historian;

/// <summary>Size figures of a historian store.</summary>
/// <param name="RawPoints">Raw points stored.</param>
/// <param name="Rollups">Roll-up buckets stored.</param>
/// <param name="Bytes">Bytes the store occupies: used database blocks (DuckDB) or the total relation size of its tables (PostgreSQL).</param>
public readonly record struct HistorianStatistics(long RawPoints, long Rollups, long Bytes)
{
    /// <summary>Gets the bytes per raw point, or 0 when no point is stored.</summary>
    public double BytesPerPoint => RawPoints == 0 ? 0 : (double)Bytes / RawPoints;
}
