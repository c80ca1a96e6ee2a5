using FactoryTwin.Model.Loading;
using FactoryTwin.Model.Plants;

namespace FactoryTwin.Server.Hosting;

/// <summary>Loads the plant file the server runs: <see cref="ServerOptions.PlantFile"/> or the bundled automotive sample.</summary>
internal static class PlantFile
{
    /// <summary>Gets the path of the plant file to load.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The full path.</returns>
    public static string PathOf(ServerOptions options) =>
        Path.GetFullPath(options.PlantFile ?? Path.Combine(AppContext.BaseDirectory, "samples", "plants", "automotive.yaml"));

    /// <summary>Loads the plant; a missing or invalid file stops the start with every diagnostic.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The model, and the text it was read from (read once, so the two always agree).</returns>
    /// <exception cref="InvalidOperationException">The file is missing, unreadable or invalid.</exception>
    public static (PlantModel Model, PlantSource Source) Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Server:PlantFile '{path}' does not exist.");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Server:PlantFile '{path}' cannot be read: {ex.Message}", ex);
        }

        var result = PlantLoader.Parse(text, path);
        if (result.Model is null)
        {
            throw new InvalidOperationException(
                $"Server:PlantFile '{path}' is not a valid plant:{Environment.NewLine}" + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return (result.Model, new PlantSource(path, text));
    }
}
