using System.Security.Cryptography;
using System.Text;

namespace FactoryTwin.Server.Security;

/// <summary>Generates and hashes the high-entropy secrets FactoryTwin issues (API tokens, device passwords).</summary>
internal static class Secrets
{
    /// <summary>Generates a URL-safe random secret of 32 bytes (256 bits).</summary>
    /// <returns>The secret.</returns>
    public static string Generate()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Generates a short random hex id.</summary>
    /// <returns>The id (16 hex digits).</returns>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>
    /// Hashes a generated secret. A single SHA-256 is enough here: the secret has 256 bits of entropy, so there is nothing
    /// to guess; user-chosen passwords use PBKDF2 instead.
    /// </summary>
    /// <param name="secret">The secret.</param>
    /// <returns>The hash in lower-case hex.</returns>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares a secret with a stored hash in constant time.</summary>
    /// <param name="secret">The secret presented.</param>
    /// <param name="hash">The stored hash.</param>
    /// <returns><see langword="true"/> when they match.</returns>
    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));
}
