using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryTwin.Server.Security;

/// <summary>
/// The instance's data-protection key ring, which signs and encrypts the sign-in cookie and the antiforgery tokens. It is
/// kept in the data folder (<see cref="ServerOptions.KeyRingFolder"/>, <c>keys/</c> by default; the folder 0700, each key
/// 0600) under an application name generated for the instance on first run and kept beside the keys, never in the OS
/// user's home folder: two instances started by the same user from the same folder, each with its own data folder, do not
/// accept each other's cookies. On Windows the keys are also encrypted at rest with DPAPI; elsewhere the file modes are
/// the protection (see docs/security.md).
/// </summary>
internal static class KeyRing
{
    /// <summary>The key ring's folder inside the data folder, unless <see cref="ServerOptions.KeyRingFolder"/> says otherwise.</summary>
    public const string FolderName = "keys";

    /// <summary>The file in the key ring folder that holds the application name the keys are isolated by.</summary>
    public const string ApplicationNameFile = "application-name";

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static IServiceCollection AddFactoryTwinKeyRing(this IServiceCollection services, ServerOptions options)
    {
        var folder = options.GetKeyRingFolder();
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
            File.SetUnixFileMode(folder, OwnerOnlyFolder);
        }

        var builder = services.AddDataProtection().SetApplicationName(ApplicationName(folder));
        builder.AddKeyManagementOptions(o => o.XmlRepository = new KeyRingRepository(folder));
        if (OperatingSystem.IsWindows())
        {
            builder.ProtectKeysWithDpapi();
        }

        return services;
    }

    /// <summary>
    /// The key ring of a cluster: kept in the cluster's database (<see cref="PostgresKeyRingRepository"/>) under an
    /// application name derived from the Orleans service id, so every node of the service protects and reads cookies
    /// and antiforgery tokens with the same keys.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="database">The cluster's database.</param>
    /// <param name="serviceId">The Orleans service id the nodes share.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddFactoryTwinClusterKeyRing(this IServiceCollection services, Cluster.ClusterDatabase database, string serviceId)
    {
        services.AddDataProtection()
            .SetApplicationName("factorytwin-cluster-" + serviceId)
            .AddKeyManagementOptions(o => o.XmlRepository = new PostgresKeyRingRepository(database));
        return services;
    }

    /// <summary>Reads the instance's application name from the key ring folder, creating it on first run.</summary>
    /// <param name="folder">The key ring folder.</param>
    /// <returns>The name, <c>factorytwin-</c> and 16 random hex digits.</returns>
    internal static string ApplicationName(string folder)
    {
        var path = Path.Combine(folder, ApplicationNameFile);
        if (!File.Exists(path))
        {
            try
            {
                KeyRingRepository.WriteOwnerOnly(path, "factorytwin-" + Secrets.NewId());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance sharing this key ring wrote it first; use its name.
            }
        }

        var name = File.ReadAllText(path).Trim();
        return name.Length > 0 ? name : throw new InvalidDataException($"The key ring's application name in {path} is empty; delete the file to have a new one made.");
    }
}
