namespace FactoryTwin.Server.Api;

/// <summary>The caller.</summary>
/// <param name="Name">The user name.</param>
/// <param name="Role">The role.</param>
/// <param name="Lines">The lines the user is limited to; empty for every line.</param>
internal sealed record MeDto(string Name, string Role, IReadOnlyList<string> Lines);
