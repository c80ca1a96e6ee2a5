namespace FactoryTwin.Server.Tests;

/// <summary>Where the server finds the dashboard's static files.</summary>
public sealed class FactoryTwinServerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("factorytwin-webroot-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void PublishedWebRoot_PublishedLayout_IsTheWwwrootBesideTheExecutable()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "wwwroot", "_framework"));

        Assert.Equal(Path.Combine(_folder, "wwwroot"), FactoryTwinServer.PublishedWebRoot(_folder));
    }

    [Fact]
    public void PublishedWebRoot_BuildOutput_IsTheDefault() => Assert.Null(FactoryTwinServer.PublishedWebRoot(_folder));
}
