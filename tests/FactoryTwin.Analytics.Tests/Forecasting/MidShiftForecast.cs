using FactoryTwin.Analytics.Forecasting;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Analytics.Tests.Forecasting;

/// <summary>The automotive plant four hours into its early shift (seed 42) and a forecaster for it, built once for the forecast tests.</summary>
internal static class MidShiftForecast
{
    private static readonly Lazy<(ShiftForecaster Forecaster, PlantSnapshot Snapshot)> s_midShift = new(() =>
    {
        var plant = PlantSimulationBuilder.Build(TestPlants.Automotive);
        var shift = new SimulatedShift(plant, seed: 42, snapshotTime: SimulatedShift.ShiftStart + (4 * 3600));
        return (new ShiftForecaster(plant), shift.Snapshot);
    });

    public static ShiftForecaster Forecaster => s_midShift.Value.Forecaster;

    public static PlantSnapshot Snapshot => s_midShift.Value.Snapshot;
}
