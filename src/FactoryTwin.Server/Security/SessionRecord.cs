namespace FactoryTwin.Server.Security;

/// <summary>A dashboard sign-in session that the server can end: its cookie is valid only while this record exists.</summary>
/// <param name="Hash">The SHA-256 of the session id the cookie carries, in hex; never the id itself.</param>
/// <param name="User">The user it belongs to.</param>
/// <param name="Created">When the user signed in.</param>
/// <param name="LastSeen">When its cookie was last issued or renewed; it expires <see cref="SecurityStore.SessionIdleLimit"/> later.</param>
internal sealed record SessionRecord(string Hash, string User, DateTimeOffset Created, DateTimeOffset LastSeen);
