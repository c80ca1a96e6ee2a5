namespace FactoryTwin.Telemetry.Validation;

/// <summary>The wire names of <see cref="RejectionReason"/>, used as the <c>reason</c> tag of the rejection counter and in logs.</summary>
public static class RejectionReasons
{
    /// <summary>The number of reasons.</summary>
    public const int Count = (int)RejectionReason.Duplicate + 1;

    private static readonly string[] Names =
    [
        "malformed", "too-large", "unauthorized", "unknown-asset", "unknown-sensor", "unknown-product",
        "out-of-range", "not-finite", "future", "too-old", "duplicate",
    ];

    /// <summary>Gets the wire name of a reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The name, e.g. <c>out-of-range</c>.</returns>
    public static string Name(RejectionReason reason) => Names[(int)reason];
}
