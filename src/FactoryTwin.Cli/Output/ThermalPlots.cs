using FactoryTwin.Plant.ThermalCases;
using ScottPlot;

namespace FactoryTwin.Cli.Output;

/// <summary>
/// PNG figures of a thermal run (ScottPlot, headless): the probe curves (°C against time) in the given file and, for 2-D and 3-D
/// cases, a heatmap of the final field (3-D: the mid-plane z = Lz/2) in <c>&lt;name&gt;-field.png</c> next to it.
/// </summary>
internal static class ThermalPlots
{
    private const string FontName = "DejaVu Sans";

    /// <summary>Writes the figures; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(string path, ThermalRunResult run)
    {
        var written = new List<string> { path };
        WriteProbes(path, run);
        if (run.Case.Dimensions >= 2)
        {
            var field = FieldPath(path);
            WriteField(field, run);
            written.Add(field);
        }

        return written;
    }

    /// <summary>The heatmap's path: <c>out.png</c> → <c>out-field.png</c>.</summary>
    public static string FieldPath(string path)
    {
        var dir = Path.GetDirectoryName(path);
        var name = Path.GetFileNameWithoutExtension(path) + "-field" + Path.GetExtension(path);
        return string.IsNullOrEmpty(dir) ? name : Path.Combine(dir, name);
    }

    private static void WriteProbes(string path, ThermalRunResult run)
    {
        using var plot = new Plot();
        var minutes = run.Case.EndTime > 600;
        var xs = run.Times.Select(t => minutes ? t / 60.0 : t).ToArray();
        foreach (var probe in run.Probes)
        {
            var line = plot.Add.Scatter(xs, probe.Temperatures.Select(t => t - ThermalCsv.CelsiusOffset).ToArray());
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = probe.Probe.Id;
        }

        if (run.Case.Ambient is { } ambient)
        {
            var line = plot.Add.Scatter(xs, run.Times.Select(t => ambient.ValueAt(t) - ThermalCsv.CelsiusOffset).ToArray());
            line.MarkerSize = 0;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = "ambient";
        }

        plot.Title(run.Case.Name);
        plot.XLabel(minutes ? "time (min)" : "time (s)");
        plot.YLabel("temperature (°C)");
        plot.ShowLegend();
        plot.Font.Set(FontName);
        plot.SavePng(OutputFile.Prepare(path), 900, 550);
    }

    private static void WriteField(string path, ThermalRunResult run)
    {
        var grid = run.Case.Grid;
        var k = run.Case.Dimensions >= 3 ? grid.Nz / 2 : 0;
        var data = new double[grid.Ny, grid.Nx];
        for (var j = 0; j < grid.Ny; j++)
        {
            for (var i = 0; i < grid.Nx; i++)
            {
                // row 0 of the image is the top: the north face
                data[grid.Ny - 1 - j, i] = run.FinalTemperature[grid.Index(i, j, k)] - ThermalCsv.CelsiusOffset;
            }
        }

        using var plot = new Plot();
        var heatmap = plot.Add.Heatmap(data);
        heatmap.Colormap = new ScottPlot.Colormaps.Turbo();
        var extent = run.Case.Extent;
        heatmap.Rectangle = new CoordinateRect(0, extent.X * 1000, 0, extent.Y * 1000);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "°C";
        var at = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"t = {run.Case.EndTime:0.###} s");
        plot.Title(run.Case.Dimensions >= 3
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{run.Case.Name}: field at {at}, mid-plane z = {extent.Z * 500:0.###} mm")
            : $"{run.Case.Name}: field at {at}");
        plot.XLabel("x (mm)");
        plot.YLabel("y (mm)");
        plot.Axes.SquareUnits();
        plot.Font.Set(FontName);
        plot.SavePng(OutputFile.Prepare(path), 900, Math.Clamp((int)(900 * extent.Y / extent.X) + 120, 300, 1200));
    }
}
