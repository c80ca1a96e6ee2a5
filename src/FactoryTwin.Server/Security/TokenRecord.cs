namespace FactoryTwin.Server.Security;

/// <summary>A stored API token.</summary>
/// <param name="Id">The public id, also the token's prefix.</param>
/// <param name="Name">What it is for (e.g. "MES").</param>
/// <param name="User">The user it acts for.</param>
/// <param name="Role">The highest role it grants; the user's role caps it.</param>
/// <param name="Hash">The SHA-256 of the token's secret part, in hex; never the token.</param>
/// <param name="Created">When it was issued.</param>
/// <param name="Expires">When it stops working, or <see langword="null"/> for never.</param>
internal sealed record TokenRecord(string Id, string Name, string User, Role Role, string Hash, DateTimeOffset Created, DateTimeOffset? Expires);
