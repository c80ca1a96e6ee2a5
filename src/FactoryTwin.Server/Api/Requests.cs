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

/// <summary>The body of a what-if run: scenario files as YAML text, and the run's settings (omitted: the defaults).</summary>
internal sealed record WhatIfRequest(IReadOnlyList<string?>? Scenarios, int? Replications, ulong? Seed, double? WarmUpSeconds, double? DurationSeconds, string? Baseline = null);

/// <summary>The body of a buffer allocation search.</summary>
internal sealed record BufferOptimizationRequest(
    string? Line,
    IReadOnlyList<string>? Buffers,
    int? Budget,
    double? TargetJph,
    int? MinCapacity,
    int? Replications,
    int? MaxReplications,
    int? MaxEvaluations,
    double? IndifferencePercent,
    ulong? Seed,
    double? WarmUpSeconds,
    double? DurationSeconds);

/// <summary>The body of a plant fit: the history range (omitted: the 30 days before now on the plant clock).</summary>
/// <param name="From">The inclusive start.</param>
/// <param name="To">The exclusive end; later than now is taken as now.</param>
internal sealed record FitRequest(DateTimeOffset? From, DateTimeOffset? To);
