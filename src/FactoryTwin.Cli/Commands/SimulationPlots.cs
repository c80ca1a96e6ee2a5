using FactoryTwin.Plant.Simulation;
using ScottPlot;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// The PNG charts of <c>simulate --plot out.png</c>: <c>out.png</c> shows the mean hourly throughput of each line over
/// the window; <c>out-states.png</c> beside it shows each station's state breakdown as stacked bars.
/// </summary>
internal static class SimulationPlots
{
    // Set explicitly: without it ScottPlot falls back to DejaVu Serif on Linux.
    private const string FontName = "DejaVu Sans";

    public static (string Throughput, string States) Write(string path, PlantSimulation simulation, PlantSimulationResult result)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var states = Path.Combine(directory, Path.GetFileNameWithoutExtension(full) + "-states.png");
        WriteThroughput(full, result);
        WriteStates(states, simulation, result);
        return (full, states);
    }

    private static void WriteThroughput(string path, PlantSimulationResult result)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        double dt = result.SeriesInterval;
        foreach (var line in result.Lines)
        {
            if (line.OutputSeries.IsEmpty)
            {
                continue;
            }

            var xs = new double[line.OutputSeries.Length];
            var ys = new double[line.OutputSeries.Length];
            double windowHours = (result.WindowEnd - result.WindowStart) / 3600;
            for (int k = 0; k < xs.Length; k++)
            {
                double from = k * dt / 3600, to = Math.Min((k + 1) * dt / 3600, windowHours);
                xs[k] = to;
                ys[k] = to > from ? line.OutputSeries[k] / (to - from) : 0;
            }

            var scatter = plot.Add.Scatter(xs, ys);
            scatter.LegendText = line.Line.Value;
            scatter.MarkerSize = 4;
        }

        plot.Title("Throughput per line (mean of the first replications)");
        plot.XLabel("hours into the window");
        plot.YLabel("jobs per hour");
        plot.ShowLegend();
        plot.Axes.Margins(bottom: 0);
        plot.SavePng(path, 1000, 500);
    }

    private static void WriteStates(string path, PlantSimulation simulation, PlantSimulationResult result)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        var palette = new (string Name, Color Color, Func<PlantStationResult, double> Value)[]
        {
            ("working", Color.FromHex("#2ca02c"), s => s.Working.Mean),
            ("setup", Color.FromHex("#17becf"), s => s.SettingUp.Mean),
            ("blocked", Color.FromHex("#ff7f0e"), s => s.Blocked.Mean),
            ("starved", Color.FromHex("#ffdd57"), s => s.Starved.Mean),
            ("down", Color.FromHex("#d62728"), s => s.Down.Mean),
            ("off shift", Color.FromHex("#9e9e9e"), s => s.OffShift.Mean),
        };
        var bars = new List<Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        int position = 0;
        foreach (var line in result.Lines)
        {
            foreach (var station in line.Stations)
            {
                double bottom = 0;
                foreach (var (_, color, value) in palette)
                {
                    double v = value(station);
                    bars.Add(new Bar { Position = position, ValueBase = bottom, Value = bottom + v, FillColor = color });
                    bottom += v;
                }

                ticks.AddMajor(position, station.Station.Value);
                position++;
            }
        }

        plot.Add.Bars(bars);
        foreach (var (name, color, _) in palette)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = name, FillColor = color });
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 140;
        plot.Title($"Station states, {simulation.Plant.Site.Name} (mean over {result.Replications} replications)");
        plot.YLabel("fraction of the window");
        plot.Axes.SetLimitsY(0, 1.05);
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, Math.Max(800, 60 + (position * 40)), 600);
    }
}
