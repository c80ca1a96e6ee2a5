namespace FactoryTwin.Server.Security;

/// <summary>One entry of the audit log. Never holds a password, token or other secret.</summary>
/// <param name="Time">When it happened (UTC).</param>
/// <param name="Kind">What happened: <c>sign-in</c>, <c>sign-in-failed</c>, <c>sign-in-throttled</c>, <c>sign-out</c>, <c>denied</c>, <c>password-changed</c>, <c>password-change-failed</c>, <c>password-change-throttled</c>, <c>password-reset</c>, <c>settings-changed</c>, <c>user-created</c>, <c>user-deleted</c>, <c>token-issued</c>, <c>token-revoked</c>, <c>device-issued</c>, <c>device-deleted</c>, <c>alarm-acknowledged</c>, <c>alarm-shelved</c>, <c>admin-created</c>.</param>
/// <param name="Actor">Who did it (a user name), or <see langword="null"/> when unknown.</param>
/// <param name="Target">What it was done to (a user, token id, device, path), or <see langword="null"/>.</param>
/// <param name="Address">The client address, or <see langword="null"/>.</param>
public sealed record AuditEvent(DateTimeOffset Time, string Kind, string? Actor, string? Target, string? Address);
