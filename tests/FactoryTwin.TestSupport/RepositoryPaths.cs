namespace FactoryTwin.TestSupport;

/// <summary>Finds files of the repository from the test's output folder.</summary>
public static class RepositoryPaths
{
    /// <summary>Gets the repository root: the nearest folder above the test's output folder that holds FactoryTwin.slnx.</summary>
    /// <exception cref="InvalidOperationException">No such folder exists.</exception>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactoryTwin.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (FactoryTwin.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
