namespace FactoryTwin.Server.Tests.TestSupport;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
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
