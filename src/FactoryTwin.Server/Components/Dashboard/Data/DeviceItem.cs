namespace FactoryTwin.Server.Components.Dashboard.Data;

/// <summary>An MQTT device (gateway) credential as the admin page lists it (never the password hash).</summary>
/// <param name="Id">The device id, its MQTT user name.</param>
/// <param name="Lines">The lines whose topics it may publish to.</param>
/// <param name="Created">When its credential was issued.</param>
public sealed record DeviceItem(string Id, IReadOnlyList<string> Lines, DateTimeOffset Created);
