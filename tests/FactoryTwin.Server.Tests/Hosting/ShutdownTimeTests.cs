using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Server.Tests.Hosting;

/// <summary><c>Server:ShutdownSeconds</c>: the host's shutdown time, 25 s unless set, refused outside 1–3600 s.</summary>
public sealed class ShutdownTimeTests
{
    [Theory]
    [InlineData(null, 25)]
    [InlineData("7", 7)]
    [InlineData("3600", 3600)]
    public void ShutdownSeconds_Configured_IsTheHostsShutdownTime(string? setting, int expectedSeconds)
    {
        var folder = Directory.CreateTempSubdirectory("factorytwin-shutdown-").FullName;
        try
        {
            string[] args = ["--Server:DataFolder=" + folder, "--Server:Emulator=false"];
            var builder = FactoryTwinServer.CreateBuilder(setting is null ? args : [.. args, "--Server:ShutdownSeconds=" + setting]);
            using var services = builder.Services.BuildServiceProvider();

            Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(3601)]
    public void ShutdownSeconds_OutOfRange_RefusedNamingTheSetting(int seconds)
    {
        var options = new ServerOptions { ShutdownSeconds = seconds };
        var results = new List<ValidationResult>();

        bool valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(ServerOptions.ShutdownSeconds)) && r.ErrorMessage!.Contains("between 1 and 3600", StringComparison.Ordinal));
    }
}
