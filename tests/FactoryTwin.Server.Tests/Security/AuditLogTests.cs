using FactoryTwin.Server.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Tests.Security;

public sealed class AuditLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("factorytwin-audit-").FullName;

    [Fact]
    public void Record_FirstEvent_CreatesTheFileOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes");
            return;
        }

        var audit = new AuditLog(Options.Create(new ServerOptions { DataFolder = _folder }), TimeProvider.System, NullLogger<AuditLog>.Instance);

        audit.Record("sign-in", "someone", null);

        var path = Path.Combine(_folder, AuditLog.FileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Create_ExistingFileReadableByOthers_IsMadeOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes");
            return;
        }

        var path = Path.Combine(_folder, AuditLog.FileName);
        File.WriteAllText(path, "");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var audit = new AuditLog(Options.Create(new ServerOptions { DataFolder = _folder }), TimeProvider.System, NullLogger<AuditLog>.Instance);
        audit.Record("sign-in", "someone", null);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Single(File.ReadAllLines(path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
