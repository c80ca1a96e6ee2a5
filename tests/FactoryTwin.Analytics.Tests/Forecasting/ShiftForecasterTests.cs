using System.Text.Json;
using FactoryTwin.Analytics.Forecasting;
using FactoryTwin.Model.Ids;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Analytics.Tests.Forecasting;

public sealed class ShiftForecasterTests
{
    private static ShiftForecaster Forecaster => MidShiftForecast.Forecaster;

    private static PlantSnapshot Snapshot => MidShiftForecast.Snapshot;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Forecast_SameSeed_BitIdenticalWhateverTheThreadCount()
    {
        var one = Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 60, Seed = 3, MaxDegreeOfParallelism = 1 }, cancellationToken: Token);
        var two = Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 60, Seed = 3, MaxDegreeOfParallelism = 2 }, cancellationToken: Token);
        var other = Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 60, Seed = 4, MaxDegreeOfParallelism = 2 }, cancellationToken: Token);

        Assert.Equal(Json(one), Json(two));
        Assert.NotEqual(Json(one), Json(other));
    }

    [Fact]
    public void Forecast_NoHorizon_RunsToTheEndOfTheShiftFromTheSiteCalendar()
    {
        var forecast = Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 20 }, cancellationToken: Token);

        Assert.Equal(new DateTimeOffset(2026, 6, 1, 18, 0, 0, TimeSpan.FromHours(2)), forecast.Instant);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 22, 0, 0, TimeSpan.FromHours(2)), forecast.End);
    }

    [Fact]
    public void Forecast_ExplicitHorizon_RunsThatLongAndMakesLess()
    {
        var shift = Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 40 }, cancellationToken: Token);
        var hour = Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 40, Horizon = TimeSpan.FromHours(1) }, cancellationToken: Token);

        Assert.Equal(Snapshot.Instant.AddHours(1), hour.End);
        Assert.True(hour.Plant.Expected < shift.Plant.Expected - 100, $"{hour.Plant.Expected} vs {shift.Plant.Expected}");
        Assert.True(hour.Plant.Expected > hour.Plant.SoFar + 20, "about an hour of output is added");
    }

    [Fact]
    public void Forecast_PlantTarget_ComesFromTheEndLinesAndItsProbabilityIsTheShareOfReplicationsReachingIt()
    {
        var forecast = Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 100 }, cancellationToken: Token);
        var easy = Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 100, PlantTarget = (int)forecast.Plant.SoFar }, cancellationToken: Token);
        var impossible = Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 100, PlantTarget = 10_000 }, cancellationToken: Token);

        Assert.Equal(410, forecast.Plant.Target); // the assembly line's shiftTarget: the only line ending in a sink
        Assert.Equal(415, forecast.Line(new LineId("paint")).Output.Target);
        Assert.InRange(forecast.Plant.ProbabilityOfTarget!.Value, 0, 1);
        Assert.Equal(1.0, easy.Plant.ProbabilityOfTarget);
        Assert.Equal(0.0, impossible.Plant.ProbabilityOfTarget);
    }

    [Fact]
    public void Forecast_LineTargetOption_OverridesThePlantFile()
    {
        var targets = new Dictionary<LineId, int> { [new LineId("body")] = 1 };

        var forecast = Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 20, LineTargets = targets }, cancellationToken: Token);

        Assert.Equal(1, forecast.Line(new LineId("body")).Output.Target);
        Assert.Equal(1.0, forecast.Line(new LineId("body")).Output.ProbabilityOfTarget);
    }

    [Fact]
    public void Forecast_Output_AddsTheSimulatedRestToTheOutputSoFar()
    {
        var forecast = Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 100 }, cancellationToken: Token);

        var assembly = forecast.Line(new LineId("assembly")).Output;
        Assert.Equal(Snapshot.Lines.Single(l => l.Line == new LineId("assembly")).Good, assembly.SoFar);
        Assert.Equal(assembly.SoFar, forecast.Plant.SoFar);
        Assert.True(assembly.Lower <= assembly.Median && assembly.Median <= assembly.Upper);
        Assert.True(assembly.Lower < assembly.Upper, "replications differ");
        Assert.InRange(assembly.Expected - assembly.SoFar, 150, 260); // about 60 jobs/h for 4 h less breaks
    }

    [Fact]
    public void Forecast_Fan_StartsAtTheOutputSoFarRisesAndEndsAtTheInterval()
    {
        var forecast = Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 100, FanInterval = TimeSpan.FromMinutes(30) }, cancellationToken: Token);

        var fan = forecast.Plant.Fan;
        Assert.Equal(9, fan.Length); // the snapshot and 8 half hours
        Assert.Equal(forecast.Instant, fan[0].Time);
        Assert.Equal(forecast.Plant.SoFar, fan[0].Median);
        Assert.Equal(forecast.End, fan[^1].Time);
        for (int k = 1; k < fan.Length; k++)
        {
            Assert.True(fan[k].Median >= fan[k - 1].Median, $"median at step {k}");
            Assert.True(fan[k].Lower <= fan[k].Median && fan[k].Median <= fan[k].Upper, $"band at step {k}");
        }

        Assert.Equal((forecast.Plant.Lower, forecast.Plant.Median, forecast.Plant.Upper), (fan[^1].Lower, fan[^1].Median, fan[^1].Upper));
    }

    [Fact]
    public void Forecast_WeekLongHorizon_KeepsTheFanWithinItsLimit()
    {
        var forecast = Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 2, Horizon = TimeSpan.FromDays(7) }, cancellationToken: Token);

        Assert.Equal(ShiftForecastOptions.MaxFanSteps + 1, forecast.Plant.Fan.Length);
        Assert.Equal(forecast.End, forecast.Plant.Fan[^1].Time);
        Assert.True(forecast.Plant.Expected > forecast.Plant.SoFar + 1500, "a week of output (minus the weekend) is added");
    }

    [Fact]
    public void Forecast_Bottlenecks_AreFrequenciesOfStationsOfTheRightLine()
    {
        var forecast = Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 50 }, cancellationToken: Token);

        Assert.NotNull(forecast.Bottleneck);
        Assert.Equal(forecast.Bottleneck, forecast.Bottlenecks[0].Station);
        Assert.InRange(forecast.Bottlenecks.Sum(b => b.Frequency), 0.999, 1.001);
        var paint = forecast.Line(new LineId("paint"));
        var stations = Forecaster.Simulation.Line(new LineId("paint")).Stations;
        Assert.All(paint.Bottlenecks, b => Assert.Contains(b.Station, stations));
        Assert.True(paint.Bottlenecks.Zip(paint.Bottlenecks.Skip(1)).All(p => p.First.Frequency >= p.Second.Frequency), "most frequent first");
    }

    [Fact]
    public void Forecast_Progress_ReportsEveryReplication()
    {
        var progress = new MaxProgress();

        Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 30 }, progress, Token);

        Assert.Equal(30, progress.Max);
        Assert.Equal(30, progress.Calls);
    }

    [Fact]
    public void Forecast_Cancelled_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 30 }, cancellationToken: cancel.Token));
    }

    [Theory]
    [InlineData(0, 0.9, 15, 1)]
    [InlineData(10, 1.0, 15, 1)]
    [InlineData(10, 0.0, 15, 1)]
    [InlineData(10, 0.9, 0, 1)]
    [InlineData(10, 0.9, 15, 0)]
    public void Forecast_OptionsOutOfRange_Throws(int replications, double coverage, int fanMinutes, int threads)
    {
        var options = new ShiftForecastOptions { Replications = replications, Coverage = coverage, FanInterval = TimeSpan.FromMinutes(fanMinutes), MaxDegreeOfParallelism = threads };

        Assert.Throws<ArgumentOutOfRangeException>(() => Forecaster.Forecast(Snapshot, options, cancellationToken: Token));
    }

    [Fact]
    public void Forecast_UntilBeforeTheSnapshot_Throws()
    {
        var options = new ShiftForecastOptions { Until = Snapshot.Instant.AddMinutes(-1) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Forecaster.Forecast(Snapshot, options, cancellationToken: Token));

        Assert.Contains("end after the snapshot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_SnapshotNamingAnUnknownStation_ThrowsNamingIt()
    {
        var snapshot = Snapshot with { Stations = [new PlantSnapshotStation { Station = new AssetId("laser-7") }] };

        var error = Assert.Throws<ArgumentException>(() => Forecaster.Forecast(snapshot, cancellationToken: Token));

        Assert.Contains("'laser-7'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_OffShiftAt0105_IsOfTheNextShiftAndCarriesNothingFromTheLast()
    {
        // 01:05 on Tuesday: the late shift (14:00–22:00) made its output; the lines still count it since 14:00.
        var site = TimeSpan.FromHours(2);
        var lastShift = new DateTimeOffset(2026, 6, 1, 14, 0, 0, site);
        var snapshot = Snapshot with
        {
            Instant = new DateTimeOffset(2026, 6, 2, 1, 5, 0, site),
            Lines = [.. Snapshot.Lines.Select(l => l with { Good = 366, CountedSince = lastShift })],
        };

        var forecast = Forecaster.Forecast(snapshot, new ShiftForecastOptions { Replications = 40 }, cancellationToken: Token);

        Assert.True(forecast.OffShift);
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 6, 0, 0, site), forecast.ShiftStart);
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 14, 0, 0, site), forecast.End);
        Assert.Equal(0, forecast.Plant.SoFar);
        Assert.All(forecast.Lines, l => Assert.Equal(0, l.Output.SoFar));
        Assert.Equal(0, forecast.Plant.Fan[0].Median);

        // The early shift's whole output, not 366 more than it: about 60 jobs/h for 8 h less breaks, from a plant that
        // still holds the late shift's work in progress.
        Assert.InRange(forecast.Plant.Expected, 250, 480);
    }

    [Fact]
    public void Forecast_JustAfterAShiftChange_DoesNotCarryTheCountOfTheShiftBefore()
    {
        // 14:00:30: the late shift has begun, but no body has left a line yet, so the counters still hold the early shift's.
        var site = TimeSpan.FromHours(2);
        var early = new DateTimeOffset(2026, 6, 1, 6, 0, 0, site);
        var late = new DateTimeOffset(2026, 6, 1, 14, 0, 0, site);
        var instant = late.AddSeconds(30);
        var stale = Snapshot with { Instant = instant, Lines = [.. Snapshot.Lines.Select(l => l with { Good = 400, CountedSince = early })] };
        var rolled = Snapshot with { Instant = instant, Lines = [.. Snapshot.Lines.Select(l => l with { Good = 1, CountedSince = late })] };

        var fromStale = Forecaster.Forecast(stale, new ShiftForecastOptions { Replications = 20 }, cancellationToken: Token);
        var fromRolled = Forecaster.Forecast(rolled, new ShiftForecastOptions { Replications = 20 }, cancellationToken: Token);

        Assert.False(fromStale.OffShift);
        Assert.Equal(late, fromStale.ShiftStart);
        Assert.Equal(late.AddHours(8), fromStale.End);
        Assert.Equal(0, fromStale.Plant.SoFar);
        Assert.Equal(1, fromRolled.Plant.SoFar);
    }

    [Fact]
    public void Forecast_MidShiftCountedSinceItsStart_KeepsTheOutputSoFar()
    {
        var site = TimeSpan.FromHours(2);
        var snapshot = Snapshot with { Lines = [.. Snapshot.Lines.Select(l => l with { CountedSince = new DateTimeOffset(2026, 6, 1, 14, 0, 0, site) })] };

        var forecast = Forecaster.Forecast(snapshot, new ShiftForecastOptions { Replications = 20 }, cancellationToken: Token);

        Assert.False(forecast.OffShift);
        Assert.Equal(Snapshot.Lines.Single(l => l.Line == new LineId("assembly")).Good, forecast.Plant.SoFar);
        Assert.True(forecast.Plant.SoFar > 0);
    }

    [Fact]
    public void Forecast_ExplicitHorizon_HasNoShiftStart()
    {
        var forecast = Forecaster.Forecast(Snapshot, new ShiftForecastOptions { Replications = 10, Horizon = TimeSpan.FromHours(1) }, cancellationToken: Token);

        Assert.Null(forecast.ShiftStart);
        Assert.False(forecast.OffShift);
    }

    private static string Json(ShiftForecast forecast) => JsonSerializer.Serialize(forecast with { Elapsed = TimeSpan.Zero });

    private sealed class MaxProgress : IProgress<int>
    {
        private int _max;
        private int _calls;

        public int Max => _max;

        public int Calls => _calls;

        public void Report(int value)
        {
            Interlocked.Increment(ref _calls);
            int seen;
            while (value > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, value, seen) != seen)
            {
            }
        }
    }
}
