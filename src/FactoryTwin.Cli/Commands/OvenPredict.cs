using System.CommandLine;
using System.Globalization;
using FactoryTwin.Analytics.Ovens;
using FactoryTwin.Cli.Output;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Plants;
using FactoryTwin.Plant.Ovens;
using Spectre.Console;

namespace FactoryTwin.Cli.Commands;

/// <summary><c>factorytwin oven predict</c>: every body style through the oven at the setpoints or at measured zone temperatures.</summary>
internal static class OvenPredict
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var (plant, oven, output, plot) = OvenCommand.Common();
        var profile = new Option<string?>("--profile")
        {
            Description = "Measured zone air temperatures: CSV with a time column (seconds, mm:ss or hh:mm:ss since the body's entry) and one column per zone id in °C; zones not in the file stay at their setpoint.",
        };
        var command = new Command("predict", "Predict the cure of every body style through the oven: per point the peak, time above threshold, equivalent time, verdict and margin.")
        {
            plant, oven, profile, output, plot,
        };
        command.SetAction((r, ct) => Task.FromResult(Run(r.GetRequiredValue(plant), r.GetValue(oven), r.GetValue(profile), r.GetValue(output), r.GetValue(plot), stdout, stderr)));
        return command;
    }

    public static int Run(string path, string? ovenId, string? profilePath, OutputFormat format, string? plotPath, TextWriter stdout, TextWriter stderr)
    {
        if (OvenCommand.Load(path, ovenId, format, stdout, stderr, out var model, out var ovenAsset) is { } code)
        {
            return code;
        }

        var predictor = new OvenCurePredictor(model, ovenAsset);
        var conditions = OvenConditions.AtSetpoints(predictor.Oven);
        if (profilePath is not null)
        {
            if (!File.Exists(profilePath))
            {
                stderr.WriteLine($"error: profile '{profilePath}' does not exist.");
                return ExitCodes.Usage;
            }

            var read = OvenProfileReader.ReadFile(profilePath);
            if (read.Profile is null)
            {
                return OvenCommand.Invalid(profilePath, read.Diagnostics, format, stdout, stderr);
            }

            var zones = ZoneSchedules(read.Profile, predictor.Oven, out var problems);
            if (zones is null)
            {
                return OvenCommand.Invalid(profilePath, problems, format, stdout, stderr);
            }

            conditions = conditions.WithZones(zones);
        }

        var rows = new List<OvenPointRow>();
        var curves = new List<OvenCurve>();
        var verdict = CureVerdict.Ok;
        foreach (var style in OvenCommand.Styles(model))
        {
            var body = predictor.Predict(new BodyPassage(style.Value, style, 0), conditions);
            verdict = body.Verdict == CureVerdict.UnderCured || verdict == CureVerdict.UnderCured ? CureVerdict.UnderCured
                : body.Verdict == CureVerdict.OverBaked ? CureVerdict.OverBaked : verdict;
            foreach (var p in body.Points)
            {
                rows.Add(OvenPointRow.From(style.Value, p));
                curves.Add(new OvenCurve($"{style}/{p.Point}", p.Times, p.Temperatures));
            }
        }

        var air = predictor.Oven.Zones.Select((z, i) => (z.Id.Value, OvenCommand.ToCelsius(conditions.ZoneAirTemperature[i].ValueAt(0)))).ToDictionary(x => x.Value, x => x.Item2);
        if (plotPath is not null)
        {
            OvenPlots.Write(plotPath, $"{ovenAsset}: predicted metal temperature", predictor.Oven, predictor.Window, conditions.ConveyorSpeed, curves);
        }

        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(stdout, new OvenPredictReport(path, ovenAsset.Value, profilePath ?? "setpoints", air, verdict, rows));
            return ExitCodes.Ok;
        }

        var console = Consoles.For(stdout);
        var w = predictor.Window;
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Oven {ovenAsset} ({predictor.Oven.Zones.Count} zones, {predictor.Oven.Length:0} m, {predictor.Oven.ConveyorSpeed * 60:0.0#} m/min), zone air {(profilePath is null ? "at setpoints" : "from " + profilePath)}: {string.Join(", ", air.Select(a => $"{a.Key} {a.Value:0.0} °C"))}.")));
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Cure window: ≥ {w.MinTimeAboveThreshold / 60:0.#} min above {OvenCommand.Celsius(w.Threshold)} °C, peak ≤ {OvenCommand.Celsius(w.MaxPeakTemperature)} °C, equivalent time at {OvenCommand.Celsius(w.ReferenceTemperature)} °C within {w.MinEquivalentTime / 60:0.#}–{w.MaxEquivalentTime / 60:0.#} min.")));
        foreach (var style in rows.GroupBy(r => r.Style))
        {
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(style.Key))
                .AddColumn("point").AddColumn("model")
                .AddColumn(new TableColumn("peak °C").RightAligned())
                .AddColumn(new TableColumn("above threshold (min)").RightAligned())
                .AddColumn(new TableColumn("equivalent (min)").RightAligned())
                .AddColumn("verdict")
                .AddColumn(new TableColumn("margin").RightAligned())
                .AddColumn("binding");
            foreach (var r in style)
            {
                table.AddRow(
                    Markup.Escape(r.Point),
                    Kebab(r.Model.ToString()),
                    r.PeakC.ToString("0.0", CultureInfo.InvariantCulture),
                    r.TimeAboveThresholdMin.ToString("0.0", CultureInfo.InvariantCulture),
                    r.EquivalentTimeMin.ToString("0.0", CultureInfo.InvariantCulture),
                    Verdict(r.Verdict),
                    r.Margin.ToString("0.000", CultureInfo.InvariantCulture),
                    Kebab(r.Binding.ToString()));
            }

            console.Write(table);
        }

        console.MarkupLine($"Verdict: {Verdict(verdict)}.");
        if (plotPath is not null)
        {
            console.MarkupLine($"Plot written to {Markup.Escape(plotPath)}.");
        }

        return ExitCodes.Ok;
    }

    public static string Verdict(CureVerdict v) => v switch
    {
        CureVerdict.Ok => "[green]ok[/]",
        CureVerdict.UnderCured => "[red]under-cured[/]",
        _ => "[yellow]over-baked[/]",
    };

    public static string Kebab(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    private static List<TemperatureSchedule>? ZoneSchedules(OvenProfile profile, Oven oven, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var schedules = oven.Zones.Select(z => TemperatureSchedule.Constant(z.Setpoint)).ToList();
        var times = profile.Times.ToArray();
        foreach (var column in profile.Columns)
        {
            var z = oven.Zones.ToList().FindIndex(zone => zone.Id == new ZoneId(column.Name));
            if (z < 0)
            {
                bag.Error(
                    new SourceLocation(profile.Source, column.Line, column.Column),
                    DiagnosticCode.UnknownReference,
                    $"column '{column.Name}' is not a zone of the oven (zones: {string.Join(", ", oven.Zones.Select(o => o.Id))}).{Suggestions.DidYouMean(column.Name, oven.Zones.Select(o => o.Id.Value))}");
                continue;
            }

            schedules[z] = TemperatureSchedule.PiecewiseLinear(times, [.. column.Temperatures]);
        }

        diagnostics = bag.Items;
        return bag.HasErrors ? null : schedules;
    }
}
