using FactoryTwin.Analytics.Forecasting;
using FactoryTwin.Twin.Hosting;

namespace FactoryTwin.Twin.Plants;

/// <summary>One <see cref="ShiftForecaster"/> per silo (it is thread-safe), built on first use.</summary>
internal sealed class ShiftForecasterHolder(PlantIndex index)
{
    private readonly Lazy<ShiftForecaster> _forecaster = new(() => new ShiftForecaster(index.Model));

    public ShiftForecaster Forecaster => _forecaster.Value;
}
