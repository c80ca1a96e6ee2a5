using FactoryTwin.Model.Plants;
using ScottPlot;

namespace FactoryTwin.Cli.Output;

/// <summary>
/// The PNG of an oven verb (ScottPlot, headless): the metal temperature of each point against time since entry, the cure
/// window shaded between the paint's threshold and its maximum peak (both drawn as lines), and the zone boundaries as
/// vertical lines named after the zone that starts there (nominal conveyor speed, no stops).
/// </summary>
internal static class OvenPlots
{
    private const string FontName = "DejaVu Sans";

    public static void Write(string path, string title, Oven oven, CureWindow window, double speed, IReadOnlyList<OvenCurve> curves, IReadOnlyList<OvenCurve>? measured = null)
    {
        using var plot = new Plot();
        const double C = 273.15;
        var span = plot.Add.VerticalSpan(window.Threshold - C, window.MaxPeakTemperature - C);
        span.FillStyle.Color = Colors.Green.WithAlpha(0.12);
        span.LineStyle.Width = 0;
        span.LegendText = "cure window";
        var threshold = plot.Add.HorizontalLine(window.Threshold - C, 1.5f, Colors.DarkGreen, LinePattern.Dashed);
        threshold.LabelText = "threshold";
        threshold.LabelFontName = FontName;
        threshold.LabelOppositeAxis = true;
        var peak = plot.Add.HorizontalLine(window.MaxPeakTemperature - C, 1.5f, Colors.DarkRed, LinePattern.Dashed);
        peak.LabelText = "max peak";
        peak.LabelFontName = FontName;
        peak.LabelOppositeAxis = true;
        var start = 0.0;
        foreach (var zone in oven.Zones)
        {
            var line = plot.Add.VerticalLine(start / speed / 60, 1, Colors.Gray, LinePattern.Dotted);
            line.LabelText = zone.Id.Value;
            line.LabelFontName = FontName;
            start += zone.Length;
        }

        var exit = plot.Add.VerticalLine(start / speed / 60, 1, Colors.Gray, LinePattern.Dotted);
        exit.LabelText = "exit";
        exit.LabelFontName = FontName;
        var palette = new ScottPlot.Palettes.Category20();
        for (var i = 0; i < curves.Count; i++)
        {
            var c = curves[i];
            var s = plot.Add.Scatter(c.Times.Select(t => t / 60).ToArray(), c.Temperatures.Select(t => t - C).ToArray());
            s.MarkerSize = 0;
            s.LineWidth = 2;
            s.Color = palette.GetColor(i);
            s.LegendText = c.Label;
            if (measured is not null && i < measured.Count)
            {
                var m = measured[i];
                var dots = plot.Add.Scatter(m.Times.Select(t => t / 60).ToArray(), m.Temperatures.Select(t => t - C).ToArray());
                dots.LineWidth = 0;
                dots.MarkerSize = 3;
                dots.Color = palette.GetColor(i).WithAlpha(0.5);
                dots.LegendText = m.Label;
            }
        }

        plot.Title(title);
        plot.XLabel("time since entry (min)");
        plot.YLabel("metal temperature (°C)");
        plot.ShowLegend(Edge.Right);
        plot.Font.Set(FontName);
        plot.SavePng(OutputFile.Prepare(path), 1000, 600);
    }
}
