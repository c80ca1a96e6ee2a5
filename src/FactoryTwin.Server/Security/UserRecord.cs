namespace FactoryTwin.Server.Security;

/// <summary>A stored user.</summary>
/// <param name="Name">The user name (unique, case-insensitive).</param>
/// <param name="Role">The role.</param>
/// <param name="PasswordHash">The PBKDF2 hash of the password (ASP.NET Core Identity's format); never the password.</param>
/// <param name="Lines">The lines the user may see, or <see langword="null"/> for every line.</param>
/// <param name="Created">When the user was created.</param>
/// <param name="Stamp">
/// The security stamp, a random value given at creation and replaced whenever the password changes; sessions carry the
/// stamp they were issued with and end when it no longer matches. A store written before stamps existed gets one at load.
/// </param>
internal sealed record UserRecord(string Name, Role Role, string PasswordHash, IReadOnlyList<string>? Lines, DateTimeOffset Created, string? Stamp = null);
