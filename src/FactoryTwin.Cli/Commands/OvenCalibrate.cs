using System.CommandLine;
using System.Globalization;
using FactoryTwin.Analytics.Ovens;
using FactoryTwin.Cli.Output;
using FactoryTwin.Model.Ids;
using FactoryTwin.Plant.Ovens;
using Spectre.Console;

namespace FactoryTwin.Cli.Commands;

/// <summary><c>factorytwin oven calibrate</c>: fits zone heat-transfer coefficients and point exposures to a measured profile.</summary>
internal static class OvenCalibrate
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var (plant, oven, output, plot) = OvenCommand.Common();
        var profile = new Option<string>("--profile")
        {
            Description = "The measured profile: CSV with a time column (seconds, mm:ss or hh:mm:ss; the first sample is the oven entry) and one column per probe in °C.",
            Required = true,
        };
        var map = new Option<string>("--map")
        {
            Description = "Which probe is on which measurement point: probe=point pairs (T1=roof-centre,T2=a-pillar), or a file with one pair per line.",
            Required = true,
        };
        var style = new Option<string?>("--style") { Description = "The body style the profiler rode on; defaults to the only style that has every mapped point." };
        var command = new Command("calibrate", "Fit each zone's heat-transfer coefficient and each mapped point's exposure factor to a measured profile (least squares); print them with standard errors and the residual.")
        {
            plant, oven, profile, map, style, output, plot,
        };
        command.SetAction((r, ct) => Task.FromResult(Run(
            r.GetRequiredValue(plant), r.GetValue(oven), r.GetRequiredValue(profile), r.GetRequiredValue(map), r.GetValue(style), r.GetValue(output), r.GetValue(plot), stdout, stderr, ct)));
        return command;
    }

    public static int Run(string path, string? ovenId, string profilePath, string mapText, string? styleId, OutputFormat format, string? plotPath, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (OvenCommand.Load(path, ovenId, format, stdout, stderr, out var model, out var oven) is { } code)
        {
            return code;
        }

        if (!File.Exists(profilePath))
        {
            stderr.WriteLine($"error: profile '{profilePath}' does not exist.");
            return ExitCodes.Usage;
        }

        if (styleId is not null && !model.BodyStyles.Any(b => b.Id == new BodyStyleId(styleId)))
        {
            stderr.WriteLine($"error: '{styleId}' is not a body style of {path} (styles: {string.Join(", ", model.BodyStyles.Select(b => b.Id))}).");
            return ExitCodes.Usage;
        }

        var read = OvenProfileReader.ReadFile(profilePath);
        if (!read.Success)
        {
            return OvenCommand.Invalid(profilePath, read.Diagnostics, format, stdout, stderr);
        }

        var map = File.Exists(mapText) ? ProbeMap.Parse(File.ReadAllText(mapText), mapText) : ProbeMap.Parse(mapText);
        if (!map.Success)
        {
            return OvenCommand.Invalid(File.Exists(mapText) ? mapText : "--map", map.Diagnostics, format, stdout, stderr);
        }

        var options = new OvenCalibrationOptions { Style = styleId is null ? null : new BodyStyleId(styleId) };
        var result = OvenCalibrator.Calibrate(model, oven, read.Profile!, map.Mappings!, options, cancellationToken);
        if (!result.Success)
        {
            return OvenCommand.Invalid(result.Diagnostics[0].Location.File, result.Diagnostics, format, stdout, stderr);
        }

        var fit = result.Calibration!;
        var zones = fit.Zones.Select(z => new OvenZoneFitRow(z.Zone.Value, z.Initial, Math.Round(z.Value, 4), Math.Round(z.StandardError, 4), z.Fitted)).ToList();
        var points = fit.Points.Select(p => new OvenPointFitRow(p.Point.Value, p.Probes, p.Initial, Math.Round(p.Value, 5), Math.Round(p.StandardError, 5), p.IsReference, Math.Round(p.ResidualRms, 4))).ToList();
        if (plotPath is not null)
        {
            WritePlot(plotPath, fit, read.Profile!, map.Mappings!);
        }

        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(stdout, new OvenCalibrateReport(path, oven.Value, fit.Style.Value, profilePath, fit.Samples, fit.Iterations, fit.Converged, Math.Round(fit.ResidualRms, 4), Math.Round(fit.InitialResidualRms, 4), zones, points));
            return ExitCodes.Ok;
        }

        var console = Consoles.For(stdout);
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Oven {oven}, body style {fit.Style}: {fit.Samples} values from {profilePath}; residual RMS {fit.InitialResidualRms:0.00} K before, {fit.ResidualRms:0.00} K after ({fit.Iterations} iterations{(fit.Converged ? string.Empty : ", NOT converged")}).")));
        var zt = new Table().Border(TableBorder.Rounded).Title("zone heat-transfer coefficient h (W/(m²·K))")
            .AddColumn("zone").AddColumn(new TableColumn("model").RightAligned()).AddColumn(new TableColumn("fitted").RightAligned())
            .AddColumn(new TableColumn("± std. error").RightAligned()).AddColumn(new TableColumn("change").RightAligned());
        foreach (var z in fit.Zones)
        {
            zt.AddRow(
                Markup.Escape(z.Zone.Value),
                z.Initial.ToString("0.00", CultureInfo.InvariantCulture),
                z.Fitted ? z.Value.ToString("0.00", CultureInfo.InvariantCulture) : "not covered",
                z.Fitted ? z.StandardError.ToString("0.00", CultureInfo.InvariantCulture) : "–",
                z.Fitted ? ((z.Value / z.Initial) - 1).ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture) : "–");
        }

        console.Write(zt);
        var pt = new Table().Border(TableBorder.Rounded).Title("point exposure factor")
            .AddColumn("point").AddColumn("probes").AddColumn(new TableColumn("model").RightAligned()).AddColumn(new TableColumn("fitted").RightAligned())
            .AddColumn(new TableColumn("± std. error").RightAligned()).AddColumn(new TableColumn("residual RMS (K)").RightAligned());
        foreach (var p in fit.Points)
        {
            pt.AddRow(
                Markup.Escape(p.Point.Value),
                Markup.Escape(string.Join(", ", p.Probes)),
                p.Initial.ToString("0.000", CultureInfo.InvariantCulture),
                p.Value.ToString("0.000", CultureInfo.InvariantCulture) + (p.IsReference ? " (reference, held)" : string.Empty),
                p.IsReference ? "–" : p.StandardError.ToString("0.000", CultureInfo.InvariantCulture),
                p.ResidualRms.ToString("0.00", CultureInfo.InvariantCulture));
        }

        console.Write(pt);
        console.MarkupLine("[grey]h and the exposure factors are identifiable only as products h·e: the reference point keeps its model exposure.[/]");
        return ExitCodes.Ok;
    }

    private static void WritePlot(string path, OvenCalibration fit, OvenProfile profile, IReadOnlyList<ProbeMapping> map)
    {
        var predictor = new OvenCurePredictor(fit.Model, fit.Oven, new OvenPredictionOptions { EntryTemperature = fit.EntryTemperature });
        var body = predictor.Predict(new BodyPassage("profile", fit.Style, 0), OvenConditions.AtSetpoints(predictor.Oven));
        var curves = new List<OvenCurve>();
        var measured = new List<OvenCurve>();
        foreach (var m in map)
        {
            var p = body.Points.First(q => q.Point == m.Point);
            curves.Add(new OvenCurve($"{m.Point} (fitted)", p.Times, p.Temperatures));
            var column = profile.Find(m.Probe)!;
            measured.Add(new OvenCurve($"{m.Probe} (measured)", [.. profile.Times.Select(t => t - fit.EntryTime)], column.Temperatures));
        }

        OvenPlots.Write(path, $"{fit.Oven}: fitted model against the measured profile", predictor.Oven, predictor.Window, predictor.Oven.ConveyorSpeed, curves, measured);
    }
}
