using FactoryTwin.Model.Ids;
using FactoryTwin.Plant.Ovens;

namespace FactoryTwin.Analytics.Ovens;

/// <summary>Settings of <see cref="OvenCalibrator"/>.</summary>
public sealed record OvenCalibrationOptions
{
    /// <summary>Gets the body style the profiler rode on; <see langword="null"/> to take the only body style that has every mapped point.</summary>
    public BodyStyleId? Style { get; init; }

    /// <summary>Gets the zone air temperatures, stops and speed during the profile run, on the profile's time axis since entry; <see langword="null"/> for the setpoints, nominal speed and no stop.</summary>
    public OvenConditions? Conditions { get; init; }

    /// <summary>Gets the profile time at which the body entered the oven, in seconds; <see langword="null"/> for the first sample's time.</summary>
    public double? EntryTime { get; init; }

    /// <summary>Gets the metal temperature at entry, in kelvin; <see langword="null"/> for the mean of the mapped probes at the first sample used.</summary>
    public double? EntryTemperature { get; init; }

    /// <summary>Gets the numerical settings of the thermal model that is fitted.</summary>
    /// <value>The default value is the predictor's defaults (Auto model, 2 s step).</value>
    public OvenPredictionOptions Prediction { get; init; } = new();

    /// <summary>Gets the most Levenberg–Marquardt iterations.</summary>
    /// <value>The default value is 100.</value>
    public int MaxIterations { get; init; } = 100;
}
