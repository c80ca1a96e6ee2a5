using System.CommandLine;
using System.Globalization;
using FactoryTwin.Analytics.Ovens;
using FactoryTwin.Cli.Output;
using FactoryTwin.Plant.Ovens;
using Spectre.Console;

namespace FactoryTwin.Cli.Commands;

/// <summary><c>factorytwin oven optimize</c>: the setpoints that keep every point in its cure window with the least heat.</summary>
internal static class OvenOptimize
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var (plant, oven, output, plot) = OvenCommand.Common();
        var margin = new Option<double>("--margin") { Description = "The least cure margin every point must keep.", DefaultValueFactory = _ => 0.05 };
        var halfWidth = new Option<double>("--range") { Description = "Each zone's setpoint may move this many kelvin up or down.", DefaultValueFactory = _ => 30 };
        var speed = new Option<string?>("--speed") { Description = "Also choose the conveyor speed within min:max, in m/min (e.g. 6:7.5); by default the speed is kept." };
        margin.Validators.Add(r =>
        {
            if (OptionValue.TryGet<double>(r, out var m) && (m < 0 || m >= 1))
            {
                r.AddError("--margin must be in [0, 1).");
            }
        });
        halfWidth.Validators.Add(r =>
        {
            if (OptionValue.TryGet<double>(r, out var w) && w < 0)
            {
                r.AddError("--range must not be negative.");
            }
        });
        speed.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && ParseSpeed(text) is null)
            {
                r.AddError($"--speed '{text}' is not min:max in m/min with 0 < min <= max (e.g. 6:7.5).");
            }
        });
        var command = new Command("optimize", "Choose zone setpoints (and optionally the conveyor speed) that keep every point of every body style inside its cure window with the required margin, with the least heat; print them, the margins and the saving.")
        {
            plant, oven, margin, halfWidth, speed, output, plot,
        };
        command.SetAction((r, ct) => Task.FromResult(Run(
            r.GetRequiredValue(plant), r.GetValue(oven), r.GetValue(margin), r.GetValue(halfWidth), r.GetValue(speed), r.GetValue(output), r.GetValue(plot), stdout, stderr, ct)));
        return command;
    }

    public static int Run(string path, string? ovenId, double margin, double halfWidth, string? speedText, OutputFormat format, string? plotPath, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (OvenCommand.Load(path, ovenId, format, stdout, stderr, out var model, out var oven) is { } code)
        {
            return code;
        }

        var options = new OvenOptimizationOptions
        {
            RequiredMargin = margin,
            DefaultHalfWidth = halfWidth,
            Speed = speedText is null ? null : ParseSpeed(speedText),
            Styles = OvenCommand.Styles(model),
        };
        var result = OvenSetpointOptimizer.Optimize(model, oven, options, cancellationToken);
        var zones = result.Zones.Select(z => new OvenSetpointRow(z.Zone.Value, OvenCommand.ToCelsius(z.Current), OvenCommand.ToCelsius(z.Optimized), OvenCommand.ToCelsius(z.Min), OvenCommand.ToCelsius(z.Max))).ToList();
        var points = result.Points.Select(Row).ToList();
        var heat = new OvenHeatSummary(
            Math.Round(result.Current.Total / 1000, 2),
            Math.Round(result.Optimized.Total / 1000, 2),
            Math.Round(result.SavingPower / 1000, 2),
            Math.Round(result.Current.PerBody / 1e6, 3),
            Math.Round(result.Optimized.PerBody / 1e6, 3),
            Math.Round(result.Saving * 100, 2));
        if (plotPath is not null)
        {
            var predictor = new OvenCurePredictor(model, oven);
            var conditions = new OvenConditions([.. result.Zones.Select(z => TemperatureSchedule.Constant(z.Optimized))], [], result.Speed);
            var curves = new List<OvenCurve>();
            foreach (var style in options.Styles)
            {
                foreach (var p in predictor.Predict(new BodyPassage(style.Value, style, 0), conditions).Points)
                {
                    curves.Add(new OvenCurve($"{style}/{p.Point}", p.Times, p.Temperatures));
                }
            }

            OvenPlots.Write(plotPath, $"{oven}: metal temperature at the {(result.Feasible ? "optimized" : "best reachable")} setpoints", predictor.Oven, predictor.Window, result.Speed, curves);
        }

        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(stdout, new OvenOptimizeReport(
                path, oven.Value, result.Feasible, result.Message, margin, zones, Math.Round(result.CurrentSpeed * 60, 4), Math.Round(result.Speed * 60, 4), Row(result.Binding), points, heat, result.Evaluations));
            return result.Feasible ? ExitCodes.Ok : ExitCodes.Invalid;
        }

        var console = Consoles.For(stdout);
        if (!result.Feasible)
        {
            stderr.WriteLine($"error: {result.Message}");
        }

        var zt = new Table().Border(TableBorder.Rounded).Title(result.Feasible ? "optimized setpoints" : "best reachable setpoints (infeasible)")
            .AddColumn("zone").AddColumn(new TableColumn("current °C").RightAligned()).AddColumn(new TableColumn("new °C").RightAligned())
            .AddColumn(new TableColumn("change K").RightAligned()).AddColumn(new TableColumn("allowed °C").RightAligned());
        foreach (var z in zones)
        {
            zt.AddRow(
                Markup.Escape(z.Zone),
                F(z.CurrentC, "0.0"),
                F(z.OptimizedC, "0.0"),
                F(z.OptimizedC - z.CurrentC, "+0.0;-0.0;0.0"),
                $"{F(z.MinC, "0")}–{F(z.MaxC, "0")}");
        }

        console.Write(zt);
        if (options.Speed is not null)
        {
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Conveyor speed {result.CurrentSpeed * 60:0.00} → {result.Speed * 60:0.00} m/min.")));
        }

        var pt = new Table().Border(TableBorder.Rounded).Title($"cure margins (required ≥ {F(margin, "0.###")})")
            .AddColumn("style").AddColumn("point").AddColumn(new TableColumn("current").RightAligned()).AddColumn(new TableColumn("new").RightAligned())
            .AddColumn("binding").AddColumn("verdict");
        foreach (var p in points)
        {
            pt.AddRow(Markup.Escape(p.Style), Markup.Escape(p.Point), F(p.CurrentMargin, "0.000"), F(p.Margin, "0.000"), OvenPredict.Kebab(p.Binding.ToString()), OvenPredict.Verdict(p.Verdict));
        }

        console.Write(pt);
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"Heat (energy model, docs/oven.md): {heat.CurrentKw:0.0} kW → {heat.OptimizedKw:0.0} kW (saving {heat.SavingKw:0.0} kW); per body {heat.CurrentPerBodyMj:0.00} → {heat.OptimizedPerBodyMj:0.00} MJ ({heat.SavingPercent:0.0} % saved).")));
        console.MarkupLine(Markup.Escape($"Binding point: {result.Binding.Style}/{result.Binding.Point} ({OvenPredict.Kebab(result.Binding.Binding.ToString())}, margin {F(result.Binding.Margin, "0.000")})."));
        return result.Feasible ? ExitCodes.Ok : ExitCodes.Invalid;
    }

    private static OvenMarginRow Row(PointMargin p) => new(p.Style.Value, p.Point.Value, Math.Round(p.Margin, 4), Math.Round(p.CurrentMargin, 4), p.Binding, p.Verdict, OvenCommand.ToCelsius(p.PeakTemperature));

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    private static SpeedRange? ParseSpeed(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var min)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var max)
            && min > 0 && max >= min
            ? new SpeedRange(min / 60, max / 60)
            : null;
    }
}
