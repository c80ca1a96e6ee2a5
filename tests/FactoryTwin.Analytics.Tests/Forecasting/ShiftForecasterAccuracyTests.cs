using System.Globalization;
using FactoryTwin.Analytics.Forecasting;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Analytics.Tests.Forecasting;

public sealed class ShiftForecasterAccuracyTests(ITestOutputHelper output)
{
    /// <summary>
    /// <paramref name="observableOnly"/>: the snapshot keeps only what a live plant knows (states, times in them, parts,
    /// output so far); every remaining time is drawn by the forecast.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Forecast_TwentyHalfShiftTrials_IntervalCoversActualAndPointForecastIsClose(bool observableOnly)
    {
        var plant = PlantSimulationBuilder.Build(TestPlants.Automotive);
        var forecaster = new ShiftForecaster(plant);
        int inside = 0;
        double absoluteError = 0, actualTotal = 0;
        for (int trial = 0; trial < 20; trial++)
        {
            var shift = new SimulatedShift(plant, seed: 1000 + (ulong)trial, snapshotTime: SimulatedShift.ShiftStart + (4 * 3600));
            var snapshot = observableOnly ? ObservableOnly(shift.Snapshot) : shift.Snapshot;
            var forecast = forecaster.Forecast(snapshot, new ShiftForecastOptions { Replications = 300, Seed = (ulong)trial + 1 }, cancellationToken: TestContext.Current.CancellationToken);
            var (actual, lines) = shift.Finish();
            bool covered = actual >= forecast.Plant.Lower && actual <= forecast.Plant.Upper;
            inside += covered ? 1 : 0;
            absoluteError += Math.Abs(forecast.Plant.Expected - actual);
            actualTotal += actual;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"trial {trial}: so far {forecast.Plant.SoFar}, forecast {forecast.Plant.Expected:F1} [{forecast.Plant.Lower:F1}, {forecast.Plant.Upper:F1}], actual {actual} {(covered ? "in" : "OUT")}; body {lines["body"]} vs {forecast.Lines[0].Output.Expected:F1} [{forecast.Lines[0].Output.Lower}, {forecast.Lines[0].Output.Upper}], paint {lines["paint"]} vs {forecast.Lines[1].Output.Expected:F1} [{forecast.Lines[1].Output.Lower}, {forecast.Lines[1].Output.Upper}]"));
        }

        double mae = absoluteError / 20, meanOutput = actualTotal / 20;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"inside {inside}/20, MAE {mae:F2} = {100 * mae / meanOutput:F2} % of {meanOutput:F1}"));
        Assert.True(inside >= 17, $"the actual output was inside the 90 % interval in {inside} of 20 trials");
        Assert.True(mae <= 0.03 * meanOutput, $"mean absolute error {mae:F2} exceeds 3 % of the mean output {meanOutput:F1}");
    }

    private static PlantSnapshot ObservableOnly(PlantSnapshot snapshot) => snapshot with
    {
        Stations = [.. snapshot.Stations.Select(s => s with
        {
            Servers = [.. s.Servers.Select(m => m with { RemainingWork = null, RemainingRepair = null, RemainingSetup = null, TimeToFailure = null })],
        })],
        Stores = [.. snapshot.Stores.Select(s => s with { Parts = [.. s.Parts.Select(p => p with { RemainingTransit = null })] })],
        Sources = [.. snapshot.Sources.Select(s => s with { NextReleaseIn = null })],
    };
}
