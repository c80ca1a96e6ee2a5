namespace FactoryTwin.Benchmarks;

/// <summary>Files of the repository, found by walking up from the benchmark's output folder.</summary>
internal static class RepositoryFiles
{
    /// <summary>Finds a file by its path relative to the repository root.</summary>
    /// <param name="relative">The path's segments, e.g. <c>"samples", "plants", "automotive.yaml"</c>.</param>
    /// <returns>The full path.</returns>
    /// <exception cref="FileNotFoundException">No folder above the output folder has the file.</exception>
    public static string Find(params string[] relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. relative]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{string.Join('/', relative)} not found above {AppContext.BaseDirectory}.");
    }
}
