using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Alarms;

namespace FactoryTwin.Twin.Assets;

/// <summary>The persisted live state of one asset twin.</summary>
[GenerateSerializer, Alias("FactoryTwin.Twin.AssetTwinState")]
internal sealed class AssetTwinState
{
    public const int StateCount = 6;
    public const int Minutes = 60;

    [Id(0)] public TwinStationState State { get; set; } = TwinStationState.Unknown;
    [Id(1)] public DateTimeOffset StateSince { get; set; }
    [Id(2)] public double[] StateSeconds { get; set; } = new double[StateCount];
    [Id(3)] public DateTimeOffset ShiftStart { get; set; } = DateTimeOffset.MinValue;
    [Id(4)] public DateTimeOffset AccountedUntil { get; set; } = DateTimeOffset.MinValue;
    [Id(5)] public long GoodTotal { get; set; }
    [Id(6)] public long ScrapTotal { get; set; }
    [Id(7)] public DateTimeOffset GoodAt { get; set; } = DateTimeOffset.MinValue;
    [Id(8)] public DateTimeOffset ScrapAt { get; set; } = DateTimeOffset.MinValue;
    [Id(9)] public long GoodShift { get; set; }
    [Id(10)] public long ScrapShift { get; set; }
    [Id(11)] public Dictionary<string, MeasurementSlot> Measurements { get; set; } = new(StringComparer.Ordinal);
    [Id(12)] public List<TwinBody> Bodies { get; set; } = [];
    [Id(13)] public DateTimeOffset LastPartAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Gets or sets good parts per minute of the last hour: <see cref="MinuteIndex"/>[i] is the Unix minute slot i holds.</summary>
    [Id(14)] public long[] MinuteCounts { get; set; } = new long[Minutes];
    [Id(15)] public long[] MinuteIndex { get; set; } = new long[Minutes];
    [Id(16)] public Dictionary<string, AlarmRecord> Alarms { get; set; } = new(StringComparer.Ordinal);
    [Id(17)] public DateTimeOffset? LastTelemetry { get; set; }
    [Id(18)] public DateTimeOffset StateAt { get; set; } = DateTimeOffset.MinValue;
}
