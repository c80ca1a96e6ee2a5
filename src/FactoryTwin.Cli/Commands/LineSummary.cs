namespace FactoryTwin.Cli.Commands;

/// <summary>A line's theoretical capacity.</summary>
/// <param name="Line">The line id.</param>
/// <param name="CapacityPerHour">Released jobs per hour the line can sustain.</param>
/// <param name="Bottleneck">The element that limits it.</param>
/// <param name="BottleneckUtilization">The bottleneck's load at the sources' release rate.</param>
internal sealed record LineSummary(string Line, double CapacityPerHour, string? Bottleneck, double? BottleneckUtilization);
