namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>A dashboard or API user as the admin page lists it (never the password hash).</summary>
/// <param name="Name">The user name.</param>
/// <param name="Role">The role name.</param>
/// <param name="Lines">The lines the user is limited to; empty for all.</param>
/// <param name="Created">When the user was created.</param>
public sealed record UserItem(string Name, string Role, IReadOnlyList<string> Lines, DateTimeOffset Created);
