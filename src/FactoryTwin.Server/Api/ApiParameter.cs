namespace FactoryTwin.Server.Api;

/// <summary>A query parameter of the API: the one place that says which values it takes, for docs/api.md and for 400 answers.</summary>
/// <param name="Name">The name, as written in the query string.</param>
/// <param name="Accepts">The values it takes, worded to follow "must be" (<c>an integer of 1 or more</c>).</param>
/// <param name="Meaning">What it does, with its default.</param>
public sealed record ApiParameter(string Name, string Accepts, string Meaning);
