using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FactoryTwin.Server.Hosting;

/// <summary>
/// Loads the configured certificate, or the self-signed one kept in the data folder (<c>server.pfx</c>), generating it on
/// first run: ECDSA P-256, subject <c>CN=localhost</c>, names localhost, 127.0.0.1, ::1 and the machine name, valid 2 years.
/// </summary>
internal static class ServerCertificate
{
    /// <summary>The file name of the generated certificate inside the data folder.</summary>
    public const string FileName = "server.pfx";

    /// <summary>Loads or creates the certificate.</summary>
    /// <param name="options">The server options.</param>
    /// <param name="time">The clock, for the validity period.</param>
    /// <param name="generatedPath">The path of a certificate generated now, or <see langword="null"/>.</param>
    /// <returns>The certificate with its private key.</returns>
    public static X509Certificate2 LoadOrCreate(ServerOptions options, TimeProvider time, out string? generatedPath)
    {
        generatedPath = null;
        if (options.CertificatePath is { } configured)
        {
            return X509CertificateLoader.LoadPkcs12FromFile(configured, options.CertificatePassword, X509KeyStorageFlags.Exportable);
        }

        var folder = options.GetDataFolder();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        if (File.Exists(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.Exportable);
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName(Environment.MachineName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = time.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));
        var pfx = created.Export(X509ContentType.Pkcs12);
        File.WriteAllBytes(path, pfx);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        generatedPath = path;
        return X509CertificateLoader.LoadPkcs12(pfx, null, X509KeyStorageFlags.Exportable);
    }
}
