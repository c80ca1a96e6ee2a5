namespace FactoryTwin.Cli;

/// <summary>Finds the sample files shipped next to the executable.</summary>
internal static class SamplePaths
{
    /// <summary>Gets the path of a bundled sample plant file.</summary>
    /// <param name="name">The file name, e.g. <c>automotive.yaml</c>.</param>
    /// <returns>The full path.</returns>
    public static string Plant(string name) => Path.Combine(AppContext.BaseDirectory, "samples", "plants", name);
}
