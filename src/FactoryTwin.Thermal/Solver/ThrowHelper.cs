using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FactoryTwin.Thermal.Solver;

/// <summary>Cold throw paths, kept out of hot methods so that those stay small and inlinable.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowUnstable(double dt, double limit) => throw new UnstableTimeStepException(dt, limit);

    [DoesNotReturn]
    public static void ThrowNotConverged(int iterations, double residual, double tolerance) =>
        throw new InvalidOperationException(string.Create(
            CultureInfo.InvariantCulture,
            $"The conjugate-gradient solve did not converge: relative residual {residual:G3} after {iterations} iterations (tolerance {tolerance:G3}). Raise MaxIterations or reduce the step."));

    [DoesNotReturn]
    public static void ThrowBadStep(double dt) =>
        throw new ArgumentOutOfRangeException(nameof(dt), dt, "The time step must be positive and finite (seconds).");

    [DoesNotReturn]
    public static void ThrowLength(string paramName, int expected) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The span must hold {expected} values."), paramName);

    [DoesNotReturn]
    public static void ThrowNotSupported(string message) => throw new NotSupportedException(message);
}
