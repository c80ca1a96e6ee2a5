namespace FactoryTwin.Twin.Assets;

/// <summary>The latest value of one channel and the value at the start of the current rate-of-change window (<see cref="AssetTwin.RateWindow"/>).</summary>
[GenerateSerializer, Alias("FactoryTwin.Twin.MeasurementSlot")]
internal struct MeasurementSlot
{
    [Id(0)] public DateTimeOffset At;
    [Id(1)] public double Value;
    [Id(2)] public DateTimeOffset PreviousAt;
    [Id(3)] public double Previous;
    [Id(4)] public bool HasPrevious;
}
