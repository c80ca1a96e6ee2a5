namespace FactoryTwin.Server.Security;

/// <summary>Stored MQTT credentials of a device (a PLC gateway): it connects with client id and user name <see cref="Id"/>.</summary>
/// <param name="Id">The device (gateway) id.</param>
/// <param name="Lines">The lines whose topics it may publish to.</param>
/// <param name="Hash">The SHA-256 of its generated password, in hex; never the password.</param>
/// <param name="Created">When the credentials were issued.</param>
internal sealed record DeviceRecord(string Id, IReadOnlyList<string> Lines, string Hash, DateTimeOffset Created);
