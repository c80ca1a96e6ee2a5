using System.Net;
using Microsoft.Extensions.Options;

namespace FactoryTwin.Telemetry;

/// <summary>Checks <see cref="TelemetryOptions"/> at start-up so that bad configuration fails early.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"Telemetry:Port must be 1–65535, not {options.Port}.");
        }

        if (options.TlsPort is < 0 or > 65535)
        {
            errors.Add($"Telemetry:TlsPort must be 0 (off) or 1–65535, not {options.TlsPort}.");
        }
        else if (options.TlsPort != 0 && options.TlsPort == options.Port)
        {
            errors.Add($"Telemetry:TlsPort must differ from Telemetry:Port ({options.Port}).");
        }

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            errors.Add("Telemetry:Host must be set.");
        }
        else if (options.Broker == TelemetryBrokerMode.Embedded && !IPAddress.TryParse(options.Host, out _))
        {
            errors.Add($"Telemetry:Host must be an IP address for the embedded broker, not '{options.Host}'.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            errors.Add("Telemetry:ClientId must be set.");
        }

        if (options.SharedSubscriptionGroup is { } group)
        {
            if (options.Broker == TelemetryBrokerMode.Embedded)
            {
                errors.Add("Telemetry:SharedSubscriptionGroup needs an external broker: the embedded MQTTnet broker does not support shared subscriptions.");
            }

            if (group.Length == 0 || group.AsSpan().IndexOfAny("/+#") >= 0)
            {
                errors.Add($"Telemetry:SharedSubscriptionGroup '{group}' must be non-empty and contain no '/', '+' or '#'.");
            }
        }

        Positive(errors, "SessionExpiry", options.SessionExpiry);
        Positive(errors, "KeepAlive", options.KeepAlive);
        Positive(errors, "ReconnectMinDelay", options.ReconnectMinDelay);
        Positive(errors, "MaxClockSkew", options.MaxClockSkew);
        Positive(errors, "MaxAge", options.MaxAge);
        Positive(errors, "RejectionLogInterval", options.RejectionLogInterval);
        Positive(errors, "StallTimeout", options.StallTimeout);
        if (options.MaxPendingBytes < 64 * 1024)
        {
            errors.Add($"Telemetry:MaxPendingBytes must be at least 65536 (64 KiB), not {options.MaxPendingBytes}.");
        }

        if (options.ReconnectMaxDelay < options.ReconnectMinDelay)
        {
            errors.Add("Telemetry:ReconnectMaxDelay must not be shorter than ReconnectMinDelay.");
        }

        if (options.SessionExpiry.TotalSeconds > uint.MaxValue)
        {
            errors.Add("Telemetry:SessionExpiry is too long for MQTT (at most 2^32-1 seconds).");
        }

        if (options.ReceiveMaximum is < 1 or > 65535)
        {
            errors.Add($"Telemetry:ReceiveMaximum must be 1–65535, not {options.ReceiveMaximum}.");
        }

        if (options.MaxBatchPoints < 1)
        {
            errors.Add($"Telemetry:MaxBatchPoints must be positive, not {options.MaxBatchPoints}.");
        }

        if (options.MaxPayloadBytes < 64)
        {
            errors.Add($"Telemetry:MaxPayloadBytes must be at least 64, not {options.MaxPayloadBytes}.");
        }

        if (options.DuplicateWindow is < 64 or > 1 << 20)
        {
            errors.Add($"Telemetry:DuplicateWindow must be 64–1048576, not {options.DuplicateWindow}.");
        }

        if (options.EmbeddedMaxPendingMessagesPerClient < 1)
        {
            errors.Add("Telemetry:EmbeddedMaxPendingMessagesPerClient must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"Telemetry:{name} must be positive, not {value}.");
        }
    }
}
