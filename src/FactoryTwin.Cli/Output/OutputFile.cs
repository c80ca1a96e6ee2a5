namespace FactoryTwin.Cli.Output;

/// <summary>Where the CLI writes a file the user named (a plot, a CSV): the folder is created when it is missing.</summary>
internal static class OutputFile
{
    /// <summary>Creates the folder of <paramref name="path"/> when it does not exist yet, and returns the path.</summary>
    /// <param name="path">The file the user named.</param>
    /// <returns><paramref name="path"/>.</returns>
    public static string Prepare(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return path;
    }
}
