using System.Globalization;
using FactoryTwin.Model.Diagnostics;
using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Cli.Commands;

/// <summary>Loads the plant file a verb works on, with the same messages and exit codes for every verb.</summary>
internal static class PlantFileInput
{
    /// <summary>Loads and validates <paramref name="path"/>.</summary>
    /// <param name="path">The plant file.</param>
    /// <param name="verb">The verb, named in the advice after errors ("… and simulate again").</param>
    /// <param name="diagnostics">Where the diagnostics go: standard output for text, standard error when standard output carries JSON or CSV.</param>
    /// <param name="stderr">Where a missing file is reported.</param>
    /// <param name="model">The plant, when it loaded.</param>
    /// <returns><see langword="null"/> when the plant loaded; otherwise the exit code (usage for a missing file, invalid for errors).</returns>
    public static int? TryLoad(string path, string verb, TextWriter diagnostics, TextWriter stderr, out PlantModel? model)
    {
        model = null;
        if (!File.Exists(path))
        {
            stderr.WriteLine($"error: plant file '{path}' does not exist. Pass the path of a plant YAML file, e.g. samples/plants/automotive.yaml.");
            return ExitCodes.Usage;
        }

        var loaded = PlantLoader.LoadFile(path);
        if (!loaded.Success)
        {
            foreach (var d in loaded.Diagnostics)
            {
                diagnostics.WriteLine(d.ToString());
            }

            var errors = loaded.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            diagnostics.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path} is invalid: {errors} error(s). Fix them (see 'factorytwin validate {path}') and {verb} again."));
            return ExitCodes.Invalid;
        }

        model = loaded.Model;
        return null;
    }
}
