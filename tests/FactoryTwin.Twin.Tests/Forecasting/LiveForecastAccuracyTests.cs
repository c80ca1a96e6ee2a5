using System.Globalization;
using System.Text.Json;
using FactoryTwin.Twin.Abstractions;
using FactoryTwin.VirtualPlant;

namespace FactoryTwin.Twin.Tests.Forecasting;

/// <summary>
/// The shift forecast of the live twin against the virtual plant: telemetry goes through MQTT, ingestion and the twin
/// grains; the forecast comes from the plant grain's snapshot of the twin; the actual output is what the virtual plant
/// shipped in the shift by its ground truth, which the twin's count must match.
/// </summary>
public sealed class LiveForecastAccuracyTests(ITestOutputHelper output)
{
    private const double ShiftStart = 8 * 3600; // 14:00: the virtual plant starts empty on Monday 06:00
    private const double Midshift = 12 * 3600; // 18:00
    private const double ShiftEnd = 16 * 3600; // 22:00

    // 300 replications instead of the default 1000: the 90 % interval's bounds are the 5th and 95th percentiles, which
    // 300 replications estimate closely enough for the criterion, at a third of the time.
    private const int Replications = 300;

    [Fact]
    public async Task Forecast_TwentyVirtualPlantTrials_IntervalCoversActualAndPointForecastIsClose()
    {
        var ct = TestContext.Current.CancellationToken;
        int inside = 0;
        double absoluteError = 0, actualTotal = 0;
        for (int trial = 0; trial < 20; trial++)
        {
            var (forecast, actual, lost) = await RunTrialAsync(1000 + (ulong)trial, (ulong)trial + 1, ct);
            bool covered = actual >= forecast.Plant.Lower && actual <= forecast.Plant.Upper;
            inside += covered ? 1 : 0;
            absoluteError += Math.Abs(forecast.Plant.Expected - actual);
            actualTotal += actual;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"trial {trial}: so far {forecast.Plant.SoFar}, forecast {forecast.Plant.Expected:F1} [{forecast.Plant.Lower:F1}, {forecast.Plant.Upper:F1}], actual {actual} {(covered ? "in" : "OUT")}{(lost > 0 ? $", {lost} messages lost" : "")}"));
        }

        double mae = absoluteError / 20, meanOutput = actualTotal / 20;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"inside {inside}/20, MAE {mae:F2} = {100 * mae / meanOutput:F2} % of {meanOutput:F1}"));
        Assert.True(inside >= 17, $"the actual output was inside the 90 % interval in {inside} of 20 trials");
        Assert.True(mae <= 0.03 * meanOutput, $"mean absolute error {mae:F2} exceeds 3 % of the mean output {meanOutput:F1}");
    }

    private static async Task<(ShiftForecastView Forecast, long Actual, long Lost)> RunTrialAsync(ulong plantSeed, ulong forecastSeed, CancellationToken ct)
    {
        await using var trial = await LivePlantTrial.StartAsync(Replications, forecastSeed, ct);
        var options = new VirtualPlantOptions
        {
            Speed = 0,
            Seed = plantSeed,
            Duration = ShiftEnd,
            StampPlantTime = true,
            SampleInterval = 0, // the forecast needs states, counters and part events only
            Port = trial.Port,
            GroundTruthFile = trial.GroundTruthFile,
        };
        await using var plant = new VirtualPlantEmulator(TestPlants.Automotive, options);
        var origin = plant.ReplayOrigin!.Value;
        trial.Clock.SetUtcNow(origin);
        var held = plant.HoldAtAsync(Midshift);
        var run = plant.RunAsync(cancellationToken: ct);
        var midshift = await held.WaitAsync(TimeSpan.FromMinutes(5), ct);
        Assert.Equal(origin.AddHours(12), midshift);
        long lost = await trial.WaitIngestedAsync(plant, ct);
        trial.Clock.SetUtcNow(midshift);
        var forecast = await trial.Grains.GetGrain<IPlantTwinGrain>(TestPlants.Automotive.Site.Id.Value).RefreshForecastAsync(ct);
        Assert.Equal(midshift, forecast.MadeAt);
        Assert.Equal(origin.AddSeconds(ShiftEnd), forecast.ShiftEnd);
        plant.Resume();
        var summary = await run.WaitAsync(TimeSpan.FromMinutes(5), ct);
        Assert.True(summary.Drained);
        Assert.Equal(0, summary.Status.Dropped);
        lost += await trial.WaitIngestedAsync(plant, ct);
        trial.Clock.SetUtcNow(origin.AddSeconds(ShiftEnd).AddMilliseconds(-1));
        var assembly = await trial.Grains.GetGrain<ILineTwinGrain>("assembly").GetViewAsync(ct);
        Assert.Equal(origin.AddSeconds(ShiftStart), assembly.ShiftStart);

        // The twin counts what the virtual plant shipped, give or take a message the broker acknowledged and never delivered.
        long soFar = Shipped(trial.GroundTruthFile, ShiftStart, Midshift), actual = Shipped(trial.GroundTruthFile, ShiftStart, ShiftEnd);
        Assert.InRange(forecast.Plant.SoFar, soFar - lost, soFar + lost);
        Assert.InRange(assembly.OutputShift, actual - lost, actual + lost);
        return (forecast, actual, lost);
    }

    /// <summary>The bodies the virtual plant shipped (entered the final line's sink) from <paramref name="from"/> to before <paramref name="to"/>, from its ground truth.</summary>
    private static long Shipped(string groundTruth, double from, double to)
    {
        var sinks = TestPlants.Automotive.Lines().Single(l => l.Id.Value == "assembly").Sinks.Select(s => s.Id.Value).ToHashSet(StringComparer.Ordinal);
        long shipped = 0;
        foreach (var line in File.ReadLines(groundTruth))
        {
            using var json = JsonDocument.Parse(line);
            var e = json.RootElement;
            if (e.GetProperty("kind").GetString() == "part" && e.GetProperty("event").GetString() == "enter"
                && sinks.Contains(e.GetProperty("asset").GetString()!) && e.GetProperty("t").GetDouble() is var t && t >= from && t < to)
            {
                shipped++;
            }
        }

        return shipped;
    }
}
