using System.Text.Json;
using FactoryTwin.VirtualPlant.Scenarios;
using FactoryTwin.VirtualPlant.Tests.TestSupport;

namespace FactoryTwin.VirtualPlant.Tests;

public sealed class DisturbanceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-vp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunAsync_Scenario_BurnerTripDropsTheZone25KelvinForTenMinutesAndConveyorStops()
    {
        var scenario = ScenarioLoader.Parse(
            """
            apiVersion: factorytwin/v1
            kind: Scenario
            disturbances:
              - { type: burner-trip, sensor: ecoat-oven-z2-air, at: 60 min, drop: 25 K, duration: 10 min }
              - { type: conveyor-stop, asset: respot-conveyor, at: 2 h, duration: 15 min }
            """,
            TestPlants.Automotive).Scenario!;
        var truthPath = Path.Combine(_folder, "truth.jsonl");
        var options = new VirtualPlantOptions { Speed = 0, Duration = 3 * 3600, Port = FreePorts.Next(), SampleInterval = 5, GroundTruthFile = truthPath };
        await using var emulator = new VirtualPlantEmulator(TestPlants.Automotive, options, scenario);
        var summary = await emulator.RunAsync(TimeSpan.Zero, TestContext.Current.CancellationToken);

        Assert.Equal(2, summary.Disturbances);
        var truth = GroundTruth.Read(truthPath);
        var z2 = truth.Where(e => e.Kind() == "measure" && e.Str("sensor") == "ecoat-oven-z2-air")
            .Select(e => (T: e.GetProperty("t").GetDouble(), V: e.GetProperty("value").GetDouble())).ToList();
        double Mean(double from, double to) => z2.Where(x => x.T >= from && x.T < to).Average(x => x.V);

        // Setpoint 200 degC; the zone air follows the burner with a 60 s lag.
        Assert.InRange(Mean(1800, 3600), 196, 204);
        Assert.InRange(Mean(3600 + 300, 3600 + 600), 175 - 3, 175 + 3);
        Assert.InRange(Mean(3600 + 1200, 3600 + 2400), 196, 204);
        Assert.Contains(truth, e => e.Kind() == "disturbance" && e.Str("disturbance") == "burner-trip" && e.GetProperty("t").GetDouble() == 3600);

        var exits = truth.Where(e => e.Kind() == "part" && e.Str("asset") == "respot-conveyor" && e.Str("event") == "exit").Select(e => e.GetProperty("t").GetDouble()).ToList();
        Assert.DoesNotContain(exits, t => t >= 7200 && t < 7200 + 900);
        Assert.Contains(exits, t => t >= 7200 + 900);
    }

    [Fact]
    public async Task RunAsync_SameSeed_SameGroundTruthValues()
    {
        async Task<List<string>> RunOnce(string name)
        {
            var path = Path.Combine(_folder, name);
            var options = new VirtualPlantOptions { Speed = 0, Seed = 11, Duration = 3600, Port = FreePorts.Next(), SampleInterval = 10, GroundTruthFile = path };
            await using var emulator = new VirtualPlantEmulator(TestPlants.Automotive, options);
            await emulator.RunAsync(TimeSpan.Zero, TestContext.Current.CancellationToken);
            return [.. GroundTruth.Read(path).Select(e => { var copy = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(e)!; copy.Remove("time"); return JsonSerializer.Serialize(copy); })];
        }

        var a = await RunOnce("a.jsonl");
        var b = await RunOnce("b.jsonl");

        Assert.Equal(a, b);
        Assert.True(a.Count > 1000);
    }
}
