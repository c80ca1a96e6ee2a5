using System.CommandLine;
using System.Globalization;
using FactoryTwin.Analytics.Ovens;
using FactoryTwin.Cli.Output;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Ids;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Cli.Commands;

/// <summary>
/// <c>factorytwin oven predict|calibrate|optimize &lt;plant.yaml&gt; [--oven id] [--profile file.csv] [--map probe=point,…]
/// [--output text|json] [--plot out.png]</c>: the paint-oven cure twin (docs/oven.md).
/// </summary>
internal static class OvenCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("oven", "Paint-oven cure twin: predict each body style's cure, calibrate the oven from a measured profile, or optimize its setpoints. Exit code 0 done, 1 invalid plant/profile or no feasible setting, 2 usage.");
        command.Subcommands.Add(OvenPredict.Create(stdout, stderr));
        command.Subcommands.Add(OvenCalibrate.Create(stdout, stderr));
        command.Subcommands.Add(OvenOptimize.Create(stdout, stderr));
        return command;
    }

    /// <summary>The options every oven verb shares.</summary>
    public static (Argument<string> Plant, Option<string?> Oven, Option<OutputFormat> Output, Option<string?> Plot) Common()
    {
        var plant = new Argument<string>("plant") { Description = "The plant file (YAML, apiVersion factorytwin/v1)." };
        var oven = new Option<string?>("--oven") { Description = "The oven station's id; defaults to the plant's only oven." };
        var plot = new Option<string?>("--plot") { Description = "Write a PNG of the metal temperature of each point against time, with the cure window shaded and the zones marked." };
        plot.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string?>();
            if (value is not null && !value.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                r.AddError($"--plot '{value}' must name a .png file.");
            }
        });
        return (plant, oven, OutputOption.Create(), plot);
    }

    /// <summary>Loads the plant and picks the oven; on failure prints why and returns the exit code.</summary>
    public static int? Load(string path, string? ovenId, OutputFormat format, TextWriter stdout, TextWriter stderr, out PlantModel model, out AssetId oven)
    {
        model = null!;
        oven = default;
        if (!File.Exists(path))
        {
            stderr.WriteLine($"error: plant file '{path}' does not exist. Pass the path of a plant YAML file, e.g. samples/plants/automotive.yaml.");
            return ExitCodes.Usage;
        }

        var loaded = PlantLoader.LoadFile(path);
        if (!loaded.Success)
        {
            return Invalid(path, loaded.Diagnostics, format, stdout, stderr);
        }

        model = loaded.Model!;
        var ovens = OvenPlantEdits.Ovens(model);
        var names = string.Join(", ", ovens.Select(o => o.Id));
        if (ovenId is null)
        {
            if (ovens.Count != 1)
            {
                stderr.WriteLine(ovens.Count == 0
                    ? $"error: {path} has no oven."
                    : $"error: {path} has {ovens.Count} ovens ({names}): choose one with --oven.");
                return ExitCodes.Usage;
            }

            oven = ovens[0].Id;
            return null;
        }

        oven = new AssetId(ovenId);
        if (OvenPlantEdits.FindOven(model, oven) is null)
        {
            stderr.WriteLine($"error: '{ovenId}' is not an oven of {path} (ovens: {names}).{Suggestions.DidYouMean(ovenId, ovens.Select(o => o.Id.Value))}");
            return ExitCodes.Usage;
        }

        return null;
    }

    /// <summary>Prints diagnostics (text: stderr; json: one document on stdout) and returns exit code 1.</summary>
    public static int Invalid(string path, IReadOnlyList<Diagnostic> diagnostics, OutputFormat format, TextWriter stdout, TextWriter stderr)
    {
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(stdout, new OvenInvalidReport(path, false, [.. diagnostics.Select(DiagnosticDto.From)]));
        }
        else
        {
            foreach (var d in diagnostics)
            {
                stderr.WriteLine(d.ToString());
            }

            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} error(s); nothing was computed."));
        }

        return ExitCodes.Invalid;
    }

    /// <summary>The body styles that go through an oven: those of the plant's variants, or every style when it has none.</summary>
    public static IReadOnlyList<BodyStyleId> Styles(PlantModel model) =>
        model.Variants.Count > 0 ? [.. model.Variants.Select(v => v.BodyStyle).Distinct()] : [.. model.BodyStyles.Select(b => b.Id)];

    public static string Celsius(double kelvin) => (kelvin - OvenProfileReader.CelsiusOffset).ToString("0.0", CultureInfo.InvariantCulture);

    public static double ToCelsius(double kelvin) => Math.Round(kelvin - OvenProfileReader.CelsiusOffset, 3);
}
