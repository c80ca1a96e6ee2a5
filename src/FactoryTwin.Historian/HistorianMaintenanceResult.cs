namespace FactoryTwin.Historian;

/// <summary>What one <see cref="IHistorian.MaintainAsync"/> run did.</summary>
/// <param name="CompactedPoints">Points moved from recent (insertion-ordered) storage into series-sorted storage.</param>
/// <param name="RolledUpPoints">Raw points rolled up into 1-minute buckets and dropped by retention.</param>
/// <param name="DroppedRollups">Roll-up buckets dropped by retention.</param>
/// <param name="DroppedPartEvents">Part events dropped by retention.</param>
public readonly record struct HistorianMaintenanceResult(long CompactedPoints, long RolledUpPoints, long DroppedRollups, long DroppedPartEvents);
