using FactoryTwin.Twin.Abstractions;
using FactoryTwin.Twin.Alarms;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Twin.Assets;

/// <summary>The persisted live state of one asset twin.</summary>
[GenerateSerializer, Alias("FactoryTwin.Twin.AssetTwinState")]
internal sealed class AssetTwinState
{
    public const int StateCount = 6;
    public const int Minutes = 60;

    /// <summary>The stored code of <see cref="State"/>: a <see cref="StationState"/> code, or <see cref="UnknownCode"/> before the first state message (the code the earlier twin enum gave "unknown", so stored state reads back unchanged).</summary>
    public const int UnknownCode = 6;

    [Id(0)] public int StateCode { get; set; } = UnknownCode;

    /// <summary>Gets or sets the station state, or <see langword="null"/> before the first state message.</summary>
    public StationState? State
    {
        get => StateCode is >= 0 and < StateCount ? (StationState)StateCode : null;
        set => StateCode = value is { } state ? (int)state : UnknownCode;
    }

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
