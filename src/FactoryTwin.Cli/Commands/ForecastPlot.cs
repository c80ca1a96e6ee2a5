using FactoryTwin.Analytics.Forecasting;
using FactoryTwin.Plant.Simulation;
using ScottPlot;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// The PNG fan chart of <c>forecast --plot out.png</c>: cumulative good output of the shift over time of day, per line
/// and for the plant, with the median and the prediction band from the snapshot to the shift end, and the targets.
/// </summary>
internal static class ForecastPlot
{
    // Set explicitly: without it ScottPlot falls back to DejaVu Serif on Linux.
    private const string FontName = "DejaVu Sans";

    public static string Write(string path, PlantSimulation simulation, ShiftForecast forecast)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var plot = new Plot();
        plot.Font.Set(FontName);
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        foreach (var line in forecast.Lines)
        {
            Add(plot, line.Line.Value, line.Output, palette.GetColor(colour++), forecast.Instant);
        }

        Add(plot, "plant", forecast.Plant, Colors.Black, forecast.Instant);
        if (forecast.Plant.Target is { } target)
        {
            var h = plot.Add.HorizontalLine(target);
            h.LinePattern = LinePattern.Dashed;
            h.Color = Colors.Black.WithAlpha(0.6);
            h.LegendText = $"plant target {target}";
        }

        plot.Title($"Shift forecast, {simulation.Plant.Site.Name}: {forecast.Replications} replications, median and {forecast.Coverage:P0} band");
        plot.XLabel($"hours after {forecast.Instant:ddd HH:mm}");
        plot.YLabel("good jobs this shift");
        plot.ShowLegend(Edge.Right);
        plot.SavePng(full, 1000, 500);
        return full;
    }

    private static void Add(Plot plot, string name, OutputForecast output, Color color, DateTimeOffset start)
    {
        var xs = output.Fan.Select(p => (p.Time - start).TotalHours).ToArray();
        var band = plot.Add.FillY(xs, [.. output.Fan.Select(p => p.Lower)], [.. output.Fan.Select(p => p.Upper)]);
        band.FillColor = color.WithAlpha(0.2);
        band.LineWidth = 0;
        var median = plot.Add.Scatter(xs, [.. output.Fan.Select(p => p.Median)]);
        median.Color = color;
        median.MarkerSize = 0;
        median.LineWidth = 2;
        median.LegendText = name;
    }
}
