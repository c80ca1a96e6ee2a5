namespace FactoryTwin.Model.Plants;

/// <summary>A break within a shift.</summary>
/// <param name="Name">What the break is (lunch).</param>
/// <param name="Start">The local start time.</param>
/// <param name="Duration">The length, in seconds.</param>
public sealed record ShiftBreak(string Name, TimeOnly Start, double Duration);
