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
    /// <returns>The model.</returns>
    /// <exception cref="InvalidOperationException">The file is missing or invalid.</exception>
    public static PlantModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Server:PlantFile '{path}' does not exist.");
        }

        var result = PlantLoader.LoadFile(path);
        if (result.Model is null)
        {
            throw new InvalidOperationException(
                $"Server:PlantFile '{path}' is not a valid plant:{Environment.NewLine}" + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return result.Model;
    }
}
