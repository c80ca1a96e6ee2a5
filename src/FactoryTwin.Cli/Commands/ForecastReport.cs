using System.Globalization;
using FactoryTwin.Analytics.Forecasting;
using FactoryTwin.Plant.Simulation;
using FactoryTwin.Simulation.Statistics;
using Spectre.Console;

namespace FactoryTwin.Cli.Commands;

/// <summary>Prints a shift forecast as tables or one JSON document.</summary>
internal static class ForecastReport
{
    /// <summary>The good parts each line (and the plant: the lines ending in a sink) made in the whole shift of the simulated plant.</summary>
    public static Dictionary<string, long> Actual(PlantSimulation simulation, ReplicationResult end, ReplicationResult atShiftStart)
    {
        var actual = new Dictionary<string, long>(StringComparer.Ordinal);
        long plant = 0;
        foreach (var map in simulation.Lines)
        {
            long good = map.ExitStations.Sum(s => end.Station(s.Value).Good - atShiftStart.Station(s.Value).Good);
            actual[map.Line.Value] = good;
            if (simulation.Plant.FindLine(map.Line)!.Sinks.Count > 0)
            {
                plant += good;
            }
        }

        actual[string.Empty] = plant;
        return actual;
    }

    public static object Json(ForecastRequest request, PlantSimulation simulation, ShiftForecast forecast, Dictionary<string, long> actual) => new
    {
        plant = request.Path,
        site = simulation.Plant.Site.Id.Value,
        instant = forecast.Instant,
        end = forecast.End,
        replications = forecast.Replications,
        seed = forecast.Seed,
        coverage = forecast.Coverage,
        elapsedSeconds = forecast.Elapsed.TotalSeconds,
        output = Dto(forecast.Plant, actual[string.Empty]),
        bottleneck = forecast.Bottleneck?.Value,
        bottlenecks = forecast.Bottlenecks.Select(b => new { station = b.Station.Value, frequency = b.Frequency, meanShare = b.MeanShare }),
        lines = forecast.Lines.Select(l => new
        {
            id = l.Line.Value,
            name = l.Name,
            output = Dto(l.Output, actual[l.Line.Value]),
            bottleneck = l.Bottleneck?.Value,
            bottlenecks = l.Bottlenecks.Select(b => new { station = b.Station.Value, frequency = b.Frequency, meanShare = b.MeanShare }),
        }),
    };

    public static void WriteText(IAnsiConsole console, ForecastRequest request, PlantSimulation simulation, ShiftForecast forecast, Dictionary<string, long> actual)
    {
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"Forecast for {simulation.Plant.Site.Name} from a snapshot of the simulated plant at {forecast.Instant:ddd HH:mm} to the shift end at {forecast.End:HH:mm}: {forecast.Replications} replications, seed {forecast.Seed}, {forecast.Elapsed.TotalSeconds:F2} s.")));
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"Output is good jobs in the shift; the interval is a {forecast.Coverage:P0} prediction interval (empirical percentiles of the replications).")));

        var table = new Table().Border(TableBorder.Rounded).Title("End-of-shift output")
            .AddColumn("scope")
            .AddColumn(new TableColumn("so far").RightAligned())
            .AddColumn(new TableColumn("expected").RightAligned())
            .AddColumn(new TableColumn(string.Create(CultureInfo.InvariantCulture, $"{forecast.Coverage:P0} interval")).RightAligned())
            .AddColumn(new TableColumn("target").RightAligned())
            .AddColumn(new TableColumn("P(target)").RightAligned())
            .AddColumn("likely bottleneck")
            .AddColumn(new TableColumn("simulated actual").RightAligned());
        foreach (var l in forecast.Lines)
        {
            table.AddRow(Row(l.Line.Value, l.Output, l.Bottleneck?.Value, l.Bottlenecks.FirstOrDefault(), actual[l.Line.Value]));
        }

        table.AddRow(Row("plant", forecast.Plant, forecast.Bottleneck?.Value, forecast.Bottlenecks.FirstOrDefault(), actual[string.Empty]));
        console.Write(table);

        var bottlenecks = new Table().Border(TableBorder.Rounded).Title("Plant bottleneck (active-period method)")
            .AddColumn("station").AddColumn(new TableColumn("bottleneck in").RightAligned()).AddColumn(new TableColumn("mean share").RightAligned());
        foreach (var b in forecast.Bottlenecks.Take(5))
        {
            bottlenecks.AddRow(Markup.Escape(b.Station.Value), Percent(b.Frequency) + " of replications", Percent(b.MeanShare));
        }

        console.Write(bottlenecks);
        if (request.Target is { } target)
        {
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Plant target {target} from --target.")));
        }
    }

    private static string[] Row(string scope, OutputForecast o, string? bottleneck, BottleneckFrequency? top, long actual) =>
    [
        Markup.Escape(scope),
        o.SoFar.ToString(CultureInfo.InvariantCulture),
        o.Expected.ToString("F1", CultureInfo.InvariantCulture),
        string.Create(CultureInfo.InvariantCulture, $"{o.Lower:F0} – {o.Upper:F0}"),
        o.Target?.ToString(CultureInfo.InvariantCulture) ?? "–",
        o.ProbabilityOfTarget is { } p ? Percent(p) : "–",
        Markup.Escape(bottleneck is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{bottleneck} ({Percent(top?.Frequency ?? 0)})")),
        actual.ToString(CultureInfo.InvariantCulture),
    ];

    private static object Dto(OutputForecast o, long actual) => new
    {
        soFar = o.SoFar,
        expected = o.Expected,
        median = o.Median,
        lower = o.Lower,
        upper = o.Upper,
        target = o.Target,
        probabilityOfTarget = o.ProbabilityOfTarget,
        simulatedActual = actual,
        fan = o.Fan.Select(p => new { time = p.Time, lower = p.Lower, median = p.Median, upper = p.Upper }),
    };

    private static string Percent(double fraction) => (100 * fraction).ToString("F0", CultureInfo.InvariantCulture) + " %";
}
