namespace FactoryTwin.VirtualPlant;

/// <summary>What <see cref="SimulatedHistory.WriteAsync"/> wrote.</summary>
/// <param name="Since">The first instant simulated.</param>
/// <param name="Until">The end of the simulated range.</param>
/// <param name="Points">Series points appended.</param>
/// <param name="PartEvents">Part events appended.</param>
/// <param name="Bodies">Bodies created.</param>
public sealed record SimulatedHistorySummary(DateTimeOffset Since, DateTimeOffset Until, long Points, long PartEvents, long Bodies);
