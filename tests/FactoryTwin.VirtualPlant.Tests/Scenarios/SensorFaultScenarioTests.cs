using FactoryTwin.Model.Diagnostics;
using FactoryTwin.VirtualPlant.Scenarios;
using FactoryTwin.VirtualPlant.Sensors;

namespace FactoryTwin.VirtualPlant.Tests.Scenarios;

public sealed class SensorFaultScenarioTests
{
    private static string Scenario(string disturbance) => $"apiVersion: factorytwin/v1\nkind: Scenario\ndisturbances:\n  - {disturbance}\n";

    [Fact]
    public void Parse_EverySensorFault_ReadsKindTargetAndMagnitudeInSi()
    {
        var yaml = "apiVersion: factorytwin/v1\nkind: Scenario\ndisturbances:\n"
            + "  - { type: sensor-drift, sensor: ecoat-oven-z1-air, at: 1 h, duration: 30 min, rate: 6 K/h }\n"
            + "  - { type: sensor-step, sensor: ecoat-oven-z2-air, at: 2 h, duration: 10 min, offset: 5 K }\n"
            + "  - { type: sensor-stuck, sensor: ecoat-oven-z3-air, meanInterval: 12 h, duration: 15 min }\n"
            + "  - { type: sensor-noise, sensor: ecoat-oven-z1-air, at: 3 h, duration: 5 min, factor: 4 }\n";

        var result = ScenarioLoader.Parse(yaml, TestPlants.Automotive);

        Assert.Empty(result.Diagnostics);
        var d = result.Scenario!.Disturbances;
        Assert.Equal([DisturbanceKind.SensorDrift, DisturbanceKind.SensorStep, DisturbanceKind.SensorStuck, DisturbanceKind.SensorNoise], d.Select(x => x.Kind));
        Assert.Equal(6.0 / 3600, d[0].Magnitude, 12);
        Assert.Equal(5, d[1].Magnitude, 12);
        Assert.Equal(43_200, d[2].MeanInterval);
        Assert.Equal(4, d[3].Magnitude);
        Assert.All(d, x => Assert.True(x.IsSensorFault));
    }

    [Theory]
    [InlineData("{ type: sensor-step, sensor: nope, at: 1 h, duration: 1 min, offset: 5 K }", DiagnosticCode.UnknownReference, "not a sensor of the plant")]
    [InlineData("{ type: sensor-noise, sensor: ecoat-oven-z1-air, at: 1 h, duration: 1 min, factor: 0.5 }", DiagnosticCode.OutOfRange, "must be above 1")]
    [InlineData("{ type: sensor-step, sensor: ecoat-oven-z1-air, at: 1 h, duration: 1 min }", DiagnosticCode.MissingField, "offset")]
    [InlineData("{ type: sensor-drift, sensor: ecoat-oven-z1-air, at: 1 h, rate: 1 K/min }", DiagnosticCode.MissingField, "duration")]
    [InlineData("{ type: sensor-melt, sensor: ecoat-oven-z1-air, at: 1 h, duration: 1 min }", DiagnosticCode.InvalidValue, "sensor-noise")]
    public void Parse_BadSensorFault_ReportsWhatIsWrong(string disturbance, DiagnosticCode code, string text)
    {
        var result = ScenarioLoader.Parse(Scenario(disturbance), TestPlants.Automotive, "bad.yaml");

        Assert.Null(result.Scenario);
        Assert.Contains(result.Diagnostics, x => x.Code == code && x.Message.Contains(text, StringComparison.Ordinal) && x.Location.Line == 4);
    }

    [Fact]
    public void Sample_DuringStuckFault_RepeatsTheLastReadingThenRecovers()
    {
        var signal = SensorSignal.ForPlant(TestPlants.Automotive, 1)[0];
        signal.Fault(DisturbanceKind.SensorStuck, 0, 100, 200);
        double before = 0;
        for (int t = 0; t < 100; t++)
        {
            before = signal.Sample(t);
        }

        for (int t = 100; t < 200; t++)
        {
            Assert.Equal(before, signal.Sample(t));
        }

        Assert.NotEqual(before, signal.Sample(200));
    }

    [Fact]
    public void Sample_DuringDrift_MovesByRateTimesElapsed()
    {
        var clean = SensorSignal.ForPlant(TestPlants.Automotive, 2)[0];
        var faulty = SensorSignal.ForPlant(TestPlants.Automotive, 2)[0];
        faulty.Fault(DisturbanceKind.SensorDrift, 0.01, 0, 1000);

        for (int t = 0; t < 500; t++)
        {
            clean.Sample(t);
            faulty.Sample(t);
        }

        // Same random streams: the readings differ by 0.01 K/s × 500 s = 5 K (rounded to 3 decimals).
        Assert.Equal(5, faulty.Sample(500) - clean.Sample(500), 2);
    }
}
