using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Model.Tests.Loading;

public sealed class AnomalyAlarmLoadingTests
{
    private const string Find = "type: threshold, sensor: z1-air, high: 180 degC, deadband: 2 K }";

    [Fact]
    public void Parse_AnomalyWithDefaults_HasEwmaAndDefaultSettings()
    {
        var model = PlantLoader.Parse(TestPlants.MinimalWith(Find, "type: anomaly, sensor: z1-air }")).Model!;

        var alarm = Assert.IsType<AnomalyAlarm>(Assert.Single(model.Alarms));
        Assert.Equal("z1-air", alarm.Sensor.Value);
        Assert.Equal(AnomalyChart.Ewma, alarm.Chart);
        Assert.Equal(AnomalyAlarm.DefaultLearn, alarm.Learn);
        Assert.Equal(AnomalyAlarm.DefaultLambda, alarm.Lambda);
        Assert.Equal(AnomalyAlarm.DefaultEwmaLimit, alarm.EffectiveLimit);
        Assert.Equal(0, alarm.PhaseLength);
    }

    [Fact]
    public void Parse_AnomalyCusumWithEverything_ReadsEachSetting()
    {
        var model = PlantLoader.Parse(TestPlants.MinimalWith(Find, "type: anomaly, sensor: z1-air, chart: cusum, learn: 600, limit: 20, slack: 0.5, phase: 2 h, onDelay: 30 s }")).Model!;

        var alarm = Assert.IsType<AnomalyAlarm>(Assert.Single(model.Alarms));
        Assert.Equal(AnomalyChart.Cusum, alarm.Chart);
        Assert.Equal(600, alarm.Learn);
        Assert.Equal(20, alarm.EffectiveLimit);
        Assert.Equal(0.5, alarm.Slack);
        Assert.Equal(7200, alarm.PhaseLength);
        Assert.Equal(30, alarm.OnDelay);
    }

    [Theory]
    [InlineData("type: anomaly, sensor: z1-air, lambda: 1.5 }", "lambda: 1.5", DiagnosticCode.OutOfRange, "lambda is the EWMA weight")]
    [InlineData("type: anomaly, sensor: z1-air, learn: 5 }", "learn: 5", DiagnosticCode.OutOfRange, "at least 10 samples")]
    [InlineData("type: anomaly, sensor: z1-air, slack: 0.5 }", "slack: 0.5", DiagnosticCode.InvalidValue, "chart: cusum")]
    [InlineData("type: anomaly, sensor: z1-air, chart: shewart }", "shewart", DiagnosticCode.InvalidValue, "shewart")]
    [InlineData("type: anomaly, sensor: nope }", "nope", DiagnosticCode.UnknownReference, "nope")]
    public void Parse_BadAnomalySetting_ReportsLineColumnAndReason(string replace, string marker, DiagnosticCode code, string text)
    {
        var yaml = TestPlants.MinimalWith(Find, replace);

        var result = PlantLoader.Parse(yaml, "p.yaml");

        var d = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(code, d.Code);
        Assert.Contains(text, d.Message, StringComparison.Ordinal);
        var (line, column) = TestPlants.Position(yaml, marker);
        Assert.Equal(line, d.Location.Line);
        Assert.Equal(column, d.Location.Column);
    }
}
