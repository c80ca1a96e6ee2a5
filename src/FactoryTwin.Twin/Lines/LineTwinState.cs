namespace FactoryTwin.Twin.Lines;

/// <summary>The persisted live state of a line twin.</summary>
[GenerateSerializer, Alias("FactoryTwin.Twin.LineTwinState")]
internal sealed class LineTwinState
{
    /// <summary>Gets or sets the bodies on the line with their first entry time.</summary>
    [Id(0)] public Dictionary<string, DateTimeOffset> Wip { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public DateTimeOffset ShiftStart { get; set; } = DateTimeOffset.MinValue;
    [Id(2)] public long OutputShift { get; set; }
    [Id(3)] public double LeadTimeSeconds { get; set; }
    [Id(4)] public long LeadTimeCount { get; set; }
    [Id(5)] public long[] MinuteCounts { get; set; } = new long[60];
    [Id(6)] public long[] MinuteIndex { get; set; } = new long[60];
    [Id(7)] public DateTimeOffset LastPartAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>
    /// Gets or sets the bodies that left an element handing bodies off the line, with the time: output once a later instant
    /// shows they did not come straight back into the line (inspection sending a body to spot repair is not output).
    /// </summary>
    [Id(8)] public Dictionary<string, DateTimeOffset> Leaving { get; set; } = new(StringComparer.Ordinal);
}
