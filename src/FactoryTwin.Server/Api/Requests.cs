namespace FactoryTwin.Server.Api;

/// <summary>The body of an alarm acknowledgement.</summary>
/// <param name="Comment">An optional comment.</param>
internal sealed record AcknowledgeRequest(string? Comment);

/// <summary>The body of an alarm shelve.</summary>
/// <param name="Minutes">How long, 1–1440.</param>
/// <param name="Comment">An optional comment.</param>
internal sealed record ShelveRequest(int Minutes, string? Comment);

/// <summary>The body that creates a user.</summary>
internal sealed record CreateUserRequest(string? Name, string? Role, string? Password, IReadOnlyList<string>? Lines);

/// <summary>The body that issues an API token.</summary>
internal sealed record CreateTokenRequest(string? User, string? Name, string? Role, int? ExpiresInDays);

/// <summary>The body that issues device credentials.</summary>
internal sealed record CreateDeviceRequest(string? Id);

/// <summary>The body that changes the caller's own password.</summary>
internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>The body of an administrator's password reset.</summary>
internal sealed record ResetPasswordRequest(string? Password);

/// <summary>The body that replaces the run-time settings; an omitted field takes its start-up default.</summary>
internal sealed record SettingsRequest(IReadOnlyDictionary<string, int>? LineTargets, int? ForecastIntervalSeconds, int? ForecastReplications);
