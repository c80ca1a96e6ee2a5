namespace FactoryTwin.Twin.Hosting;

/// <summary>
/// Settings of the live twin that may change while it runs; the twins read them at each use. Unless the host registers
/// its own, they are the start-up <see cref="TwinOptions"/> with no target overrides.
/// </summary>
public interface ITwinRuntimeSettings
{
    /// <summary>Gets how often the plant twin refreshes the shift forecast (and how old a forecast may be).</summary>
    TimeSpan ForecastInterval { get; }

    /// <summary>Gets the number of Monte Carlo replications per forecast, at least 1.</summary>
    int ForecastReplications { get; }

    /// <summary>Gets shift targets (good parts) by line id that override the plant file's in the forecast.</summary>
    IReadOnlyDictionary<string, int> LineTargets { get; }
}
