namespace FactoryTwin.Plant.Ovens;

/// <summary>A stop of the oven conveyor: bodies stay where they are, in the zone they are in.</summary>
/// <param name="Start">When the conveyor stops, in seconds on the prediction's time axis.</param>
/// <param name="Duration">How long it stands still, in seconds.</param>
public readonly record struct ConveyorStop(double Start, double Duration)
{
    /// <summary>Gets when the conveyor moves again, in seconds.</summary>
    public double End => Start + Duration;
}
