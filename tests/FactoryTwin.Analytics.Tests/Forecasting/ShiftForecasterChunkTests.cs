using FactoryTwin.Analytics.Forecasting;
using FactoryTwin.Plant.Simulation;

namespace FactoryTwin.Analytics.Tests.Forecasting;

public sealed class ShiftForecasterChunkTests
{
    private static ShiftForecaster Forecaster => MidShiftForecast.Forecaster;

    private static PlantSnapshot Snapshot => MidShiftForecast.Snapshot;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly ShiftForecastOptions Options = new() { Replications = 30, Seed = 17 };

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(30)]
    public void RunReplications_AnyChunking_JoinsToTheForecastBitForBit(int chunkSize)
    {
        var whole = Forecaster.Forecast(Snapshot, Options, cancellationToken: Token);
        var wholeRows = Forecaster.RunReplications(Snapshot, Options, 0, Options.Replications, cancellationToken: Token);

        // Chunks computed in reverse order, as workers on other nodes may finish them.
        var chunks = ReplicationRows.Chunks(Options.Replications, chunkSize).Reverse()
            .Select(c => Forecaster.RunReplications(Snapshot, Options with { MaxDegreeOfParallelism = 1 }, c.First, c.Count, cancellationToken: Token))
            .ToList();
        var joined = ReplicationRows.Concat(chunks);
        var merged = Forecaster.Summarize(Snapshot, Options, joined, whole.Elapsed);

        Assert.Equal(wholeRows.Values.Select(BitConverter.DoubleToInt64Bits), joined.Values.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(ForecastFigures.Of(whole), ForecastFigures.Of(merged));
        Assert.Equal(whole.Bottleneck, merged.Bottleneck);
    }

    [Fact]
    public void RunReplications_DifferentSeeds_GiveDifferentRows()
    {
        var a = Forecaster.RunReplications(Snapshot, Options, 3, 4, cancellationToken: Token);
        var b = Forecaster.RunReplications(Snapshot, Options with { Seed = 18 }, 3, 4, cancellationToken: Token);

        Assert.NotEqual(a.Values, b.Values);
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(0, 0)]
    [InlineData(28, 3)]
    public void RunReplications_RangeOutsideTheForecast_Throws(int first, int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Forecaster.RunReplications(Snapshot, Options, first, count, cancellationToken: Token));

    [Fact]
    public void Summarize_RowsMissingReplications_NamesWhatIsNeeded()
    {
        var part = Forecaster.RunReplications(Snapshot, Options, 0, 10, cancellationToken: Token);

        var error = Assert.Throws<ArgumentException>(() => Forecaster.Summarize(Snapshot, Options, part, TimeSpan.Zero));
        Assert.Contains("needs replications 0..29", error.Message, StringComparison.Ordinal);
        Assert.Contains("not 0..9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_RowsOfAnotherHorizon_Throws()
    {
        var rows = Forecaster.RunReplications(Snapshot, Options with { Horizon = TimeSpan.FromHours(1) }, 0, 30, cancellationToken: Token);

        Assert.Throws<ArgumentException>(() => Forecaster.Summarize(Snapshot, Options, rows, TimeSpan.Zero));
    }
}
