namespace FactoryTwin.Server.Api;

/// <summary>A user as the API shows it (never the password hash).</summary>
internal sealed record UserDto(string Name, string Role, IReadOnlyList<string>? Lines, DateTimeOffset Created);

/// <summary>An API token as the API shows it (never its secret or hash).</summary>
internal sealed record TokenDto(string Id, string Name, string User, string Role, DateTimeOffset Created, DateTimeOffset? Expires);

/// <summary>A token just issued: the only time its secret is shown.</summary>
internal sealed record IssuedTokenDto(TokenDto Token, string Secret);

/// <summary>A device's credentials as the API shows them (never the password or its hash).</summary>
internal sealed record DeviceDto(string Id, IReadOnlyList<string> Lines, DateTimeOffset Created);

/// <summary>Device credentials just issued: the only time the password is shown.</summary>
internal sealed record IssuedDeviceDto(DeviceDto Device, string UserName, string Password);

/// <summary>The ingestion counters.</summary>
/// <param name="Counters">Totals by counter name; rejections and refusals by <c>name{reason}</c>.</param>
internal sealed record IngestionDto(IReadOnlyDictionary<string, long> Counters);
